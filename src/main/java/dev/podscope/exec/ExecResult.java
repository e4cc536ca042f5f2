package dev.podscope.exec;

/** What a command run in a container produced: its exit code and its output (UTF-8, possibly cut to a limit). */
public record ExecResult(int exitCode, String stdout, String stderr) {
    public boolean succeeded() {
        return exitCode == 0;
    }
}
