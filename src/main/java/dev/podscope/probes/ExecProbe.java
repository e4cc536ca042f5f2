package dev.podscope.probes;

import dev.podscope.exec.ExecResult;
import dev.podscope.exec.PodExec;

import java.util.List;

/** An exec probe: the command in the container through the exec API; success is exit code 0. */
final class ExecProbe {
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
        return ProbeCall.run(target.timeout().plusMillis(200), "exec " + line, timeout, call -> {
            ExecResult result = exec.run(target.namespace(), target.podName(), target.container().getName(), command,
                    target.timeout());
            String output = ProbeCall.firstBytes(result.stdout() + result.stderr());
            return new ProbeCall.Outcome(result.succeeded(), 0, output, result.succeeded()
                    ? "command exited with 0" : "command \"" + line + "\" exited with " + result.exitCode());
        });
    }
}
