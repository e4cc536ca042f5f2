package dev.podscope.probes;

import dev.podscope.exec.ExecResult;
import dev.podscope.exec.PodExec;

import java.util.List;

/**
 * An exec probe: the command in the container through the exec API; success is exit code 0. Starting a command
 * through the API server takes round trips the kubelet does not make, so the command gets {@link #SETUP} on top of
 * timeoutSeconds.
 */
final class ExecProbe {
    private static final java.time.Duration SETUP = java.time.Duration.ofSeconds(3);

    private final PodExec exec;
    private final ProbeTarget target;
    private final List<String> command;

    ExecProbe(PodExec exec, ProbeTarget target, List<String> command) {
        this.exec = exec;
        this.target = target;
        this.command = command;
    }

    ProbeResult run() {
        String line = String.join(" ", command);
        String timeout = "command \"" + line + "\" timed out after " + target.timeoutText();
        return ProbeCall.run(target.timeout().plus(SETUP), "exec " + line, timeout, call -> {
            ExecResult result = exec.run(target.namespace(), target.podName(), target.container().getName(), command,
                    target.timeout().plus(SETUP).plusMillis(500));
            String output = ProbeCall.firstBytes(result.stdout() + result.stderr());
            return new ProbeCall.Outcome(result.succeeded(), 0, output, result.succeeded()
                    ? "command exited with 0" : "command \"" + line + "\" exited with " + result.exitCode());
        });
    }
}
