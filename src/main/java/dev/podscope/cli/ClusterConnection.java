package dev.podscope.cli;

import dev.podscope.kube.ClientFactory;
import dev.podscope.kube.KubeContext;
import dev.podscope.kube.KubeconfigException;
import dev.podscope.kube.KubeconfigLoader;
import dev.podscope.kube.KubeconfigSet;
import dev.podscope.kube.KubeconfigSource;
import io.kubernetes.client.openapi.ApiClient;

import java.util.Optional;

/** The kubeconfig context a CLI command talks to: its name, default namespace and client. */
record ClusterConnection(String context, String namespace, ApiClient client) {

    static ClusterConnection open(String kubeconfig, String contextOrNull) {
        KubeconfigSet set = KubeconfigLoader.load(KubeconfigSource.fromSystem(kubeconfig));
        if (!set.problems().isEmpty()) {
            // as kubectl: a broken file may hide the very context asked for, so guessing on would mislead
            throw new KubeconfigException(String.join("; ", set.problems()));
        }
        String name = contextOrNull != null ? contextOrNull : set.currentContext().orElseThrow(() ->
                new KubeconfigException(set.files().isEmpty()
                        ? "no kubeconfig found (looked at $KUBECONFIG and ~/.kube/config); pass --kubeconfig FILE,"
                            + " or start `podscope sandbox` and use the kubeconfig it writes"
                        : "no current-context is set in " + set.files().stream().map(set::display).toList()
                            + "; pass --context NAME (see `podscope contexts`)"));
        ApiClient client = ClientFactory.create(set, name);
        KubeContext context = set.context(name).orElseThrow();
        String namespace = context.namespace() == null || context.namespace().isEmpty() ? "default" : context.namespace();
        return new ClusterConnection(name, namespace, client);
    }

    /**
     * The namespace of the context a command would use, for commands that can work without a cluster (get -f);
     * "default" when there is no usable kubeconfig.
     */
    static String namespaceOrDefault(String kubeconfig, String contextOrNull) {
        try {
            KubeconfigSet set = KubeconfigLoader.load(KubeconfigSource.fromSystem(kubeconfig));
            return Optional.ofNullable(contextOrNull).or(set::currentContext).flatMap(set::context)
                    .map(KubeContext::namespace).filter(ns -> !ns.isEmpty()).orElse("default");
        } catch (KubeconfigException noKubeconfig) {
            return "default";
        }
    }

    String server() {
        return client.getBasePath();
    }
}
