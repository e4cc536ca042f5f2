package dev.podscope.ui;

import dev.podscope.kube.ClientFactory;
import dev.podscope.kube.KubeContext;
import dev.podscope.kube.KubeconfigSet;
import dev.podscope.session.ClusterSession;

/**
 * Opens a session for a kubeconfig context. Called off the UI thread: building a client may read files or run
 * credential plugins. A failure's message is shown to the user as is, so it should name the context or file.
 */
@FunctionalInterface
public interface SessionFactory {
    ContextSession open(KubeContext context) throws Exception;

    /** Real cluster sessions for the contexts of {@code kubeconfig}. */
    static SessionFactory forKubeconfig(KubeconfigSet kubeconfig) {
        return context -> ContextSession.of(new ClusterSession(ClientFactory.create(kubeconfig, context.name()),
                context.name(), context.namespace()));
    }
}
