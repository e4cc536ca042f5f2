package dev.podscope.app;

import dev.podscope.kube.ClientFactory;
import dev.podscope.kube.KubeContext;
import dev.podscope.kube.KubeconfigSet;
import dev.podscope.session.ClusterSession;
import dev.podscope.ui.ContextSession;
import dev.podscope.ui.SessionFactory;

import java.util.Optional;

/**
 * Opens sessions for the main window, handing out the first context's session that was started early (before the
 * JavaFX toolkit and the window) when the window asks for that context first.
 */
final class EarlySessions implements SessionFactory {
    private final SessionFactory regular;
    private EarlySession early;

    private EarlySessions(SessionFactory regular, EarlySession early) {
        this.regular = regular;
        this.early = early;
    }

    /** Starts the session of {@code contextName}, else of the current context, if it can be opened at all. */
    static EarlySessions open(KubeconfigSet set, String contextName) {
        SessionFactory regular = SessionFactory.forKubeconfig(set);
        Optional<KubeContext> first = set.context(contextName == null ? "" : contextName)
                .or(() -> set.context(set.currentContext().orElse("")));
        EarlySession early = null;
        if (first.isPresent()) {
            try {
                KubeContext context = first.get();
                early = new EarlySession(new ClusterSession(ClientFactory.create(set, context.name()),
                        context.name(), context.namespace()));
            } catch (RuntimeException broken) {
                // the window opens the context again and shows the problem where the user can see it
            }
        }
        return new EarlySessions(regular, early);
    }

    @Override
    public synchronized ContextSession open(KubeContext context) throws Exception {
        if (early != null && early.contextName().equals(context.name())) {
            EarlySession session = early;
            early = null;
            return session;
        }
        closeUnused();
        return regular.open(context);
    }

    /** Closes the early session if the window never asked for it. */
    synchronized void closeUnused() {
        if (early != null) {
            early.close();
            early = null;
        }
    }
}
