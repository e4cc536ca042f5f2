package dev.podscope.cli;

import dev.podscope.kube.KubeconfigException;
import dev.podscope.session.ClusterException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/** Turns a failed command into one line on stderr (the stack trace only with --verbose) and exit code 1. */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
    private final boolean verbose;

    CliErrors(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        err.println("error: " + message(e));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    static String message(Throwable e) {
        if (e instanceof KubeconfigException || e instanceof ClusterException || e instanceof UserError) {
            return e.getMessage();
        }
        if (e instanceof UncheckedIOException io && io.getCause() instanceof NoSuchFileException missing) {
            return "file not found: " + missing.getFile();
        }
        if (e instanceof NoSuchFileException missing) {
            return "file not found: " + missing.getFile();
        }
        String text = e.getMessage();
        return text == null || text.isBlank() ? e.getClass().getSimpleName() : text;
    }

    /** A mistake the user can fix, already phrased for them. */
    static final class UserError extends RuntimeException {
        UserError(String message) {
            super(message);
        }
    }
}
