package dev.podscope.kube;

import java.util.List;

/**
 * The {@code exec} stanza of a kubeconfig user: a client-go credential plugin.
 *
 * @param command         the program; an absolute path when the kubeconfig gave a relative path containing a separator
 * @param env             variables added to the parent environment, in kubeconfig order
 * @param interactiveMode Never, IfAvailable or Always; client.authentication.k8s.io/v1beta1 defaults it to IfAvailable,
 *                        v1 leaves it null (which is an error when the plugin is used)
 */
public record ExecConfig(String command, List<String> args, List<EnvVar> env, String apiVersion, String installHint,
                         boolean provideClusterInfo, String interactiveMode) {

    public ExecConfig {
        args = List.copyOf(args);
        env = List.copyOf(env);
    }

    @Override
    public String toString() {
        // args and env values may carry secrets (for example --token=...), so only their shape is shown
        return "ExecConfig[command=" + command + ", args=" + args.size() + ", env=" + env + ", apiVersion=" + apiVersion
                + ", interactiveMode=" + interactiveMode + ", provideClusterInfo=" + provideClusterInfo + "]";
    }

    /** One {@code env} entry; its value may be secret, so {@link #toString()} hides it. */
    public record EnvVar(String name, String value) {
        @Override
        public String toString() {
            return name + "=<redacted>";
        }
    }
}
