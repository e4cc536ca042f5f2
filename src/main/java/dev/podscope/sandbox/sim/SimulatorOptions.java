package dev.podscope.sandbox.sim;

/**
 * How big a cluster to simulate and how fast its time runs.
 *
 * @param seed       every name, suffix, IP and choice of the initial cluster follows from it
 * @param pods       pods to create in total; when smaller than the fixed system and scenario pods, those are all created
 * @param namespaces namespaces to create; the first five are always default, kube-system, shop, batch and data,
 *                   so fewer than five still gives those five
 * @param timeScale  multiplies every simulated delay: 1.0 runs in realistic seconds, tests use e.g. 0.02
 * @param churn      whether, every 60 to 90 (scaled) seconds, one small healthy Deployment does a rolling restart,
 *                   so that a cluster left alone still shows pods coming and going
 */
public record SimulatorOptions(long seed, int pods, int namespaces, double timeScale, boolean churn) {
    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_PODS = 40;
    public static final int DEFAULT_NAMESPACES = 5;

    public SimulatorOptions {
        if (pods < 0) {
            throw new IllegalArgumentException("pods must not be negative, got " + pods);
        }
        if (namespaces < 0) {
            throw new IllegalArgumentException("namespaces must not be negative, got " + namespaces);
        }
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("timeScale must be a positive number, got " + timeScale);
        }
    }

    /** The small demo cluster: about 40 pods in five namespaces, running in realistic time, with churn. */
    public SimulatorOptions() {
        this(DEFAULT_SEED, DEFAULT_PODS, DEFAULT_NAMESPACES, 1.0, true);
    }

    public SimulatorOptions withSeed(long newSeed) {
        return new SimulatorOptions(newSeed, pods, namespaces, timeScale, churn);
    }

    public SimulatorOptions withPods(int newPods) {
        return new SimulatorOptions(seed, newPods, namespaces, timeScale, churn);
    }

    public SimulatorOptions withNamespaces(int newNamespaces) {
        return new SimulatorOptions(seed, pods, newNamespaces, timeScale, churn);
    }

    public SimulatorOptions withTimeScale(double newTimeScale) {
        return new SimulatorOptions(seed, pods, namespaces, newTimeScale, churn);
    }

    public SimulatorOptions withChurn(boolean newChurn) {
        return new SimulatorOptions(seed, pods, namespaces, timeScale, newChurn);
    }
}
