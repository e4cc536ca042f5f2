package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.openapi.models.V1Deployment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The churn of a lived-in cluster: every 60 to 90 seconds someone runs {@code kubectl rollout restart} on one
 * small, healthy Deployment. Which Deployments, in which order and how far apart follow from the seed alone (a
 * random source of its own, untouched by the rest of the simulation); the cost is a few pods per restart.
 */
final class RollingRestarts {
    /** Restarting a large Deployment would replace many pods at once; a demo needs a few at a time. */
    static final int MAX_REPLICAS = 4;
    private static final double MIN_INTERVAL_SECONDS = 60;
    private static final double MAX_INTERVAL_SECONDS = 90;

    /** Salts the seed, so that the churn's choices are not those of the initial population. */
    private static final long SALT = 0x636875726eL;

    record Target(String namespace, String name) {
    }

    private final SimContext ctx;
    private final DeploymentController deployments;
    private final Naming naming;
    private final List<Target> targets;
    private int next;

    private RollingRestarts(SimContext ctx, DeploymentController deployments, Naming naming, List<Target> targets) {
        this.ctx = ctx;
        this.deployments = deployments;
        this.naming = naming;
        this.targets = targets;
    }

    /** Picks the candidates among the Deployments in the store now and schedules the first restart. */
    static void start(SimContext ctx, DeploymentController deployments, long seed) {
        List<Target> targets = order(ctx.store(), seed);
        if (!targets.isEmpty()) {
            new RollingRestarts(ctx, deployments, new Naming(seed * 31 + SALT), targets).scheduleNext();
        }
    }

    /** The Deployments to restart, in turn: the candidates among those in the store, shuffled by the seed. */
    static List<Target> order(ClusterStore store, long seed) {
        List<Target> targets = candidates(store);
        Collections.shuffle(targets, new Random(seed ^ SALT));
        return targets;
    }

    /** Healthy application Deployments: not kube-system, not misbehaving on purpose, a few replicas. */
    private static List<Target> candidates(ClusterStore store) {
        List<Target> targets = new ArrayList<>();
        for (StoredObject<V1Deployment> stored : store.list(Resources.DEPLOYMENTS, null).items()) {
            V1Deployment d = stored.object();
            Map<String, String> annotations = d.getSpec().getTemplate().getMetadata().getAnnotations();
            boolean misbehaves = annotations != null && annotations.containsKey(Behavior.ANNOTATION);
            if (!"kube-system".equals(d.getMetadata().getNamespace()) && !misbehaves
                    && ReplicaSets.desired(d) <= MAX_REPLICAS) {
                targets.add(new Target(d.getMetadata().getNamespace(), d.getMetadata().getName()));
            }
        }
        return targets;
    }

    private void scheduleNext() {
        ctx.timeline().after(naming.uniform(MIN_INTERVAL_SECONDS, MAX_INTERVAL_SECONDS), this::restartNext);
    }

    /** Restarts the next Deployment in turn; one still rolling out (or deleted by a user) is passed over. */
    private void restartNext() {
        scheduleNext();
        Target target = targets.get(next);
        next = (next + 1) % targets.size();
        deployments.restart(target.namespace(), target.name(), naming.templateHash());
    }
}
