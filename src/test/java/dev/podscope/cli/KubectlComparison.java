package dev.podscope.cli;

import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.session.TestCluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sandbox API server over a given store, a kubeconfig for it, and kubectl with a HOME of its own: what the CLI
 * tests need to run the same command through kubectl and through podscope and compare the two.
 */
final class KubectlComparison implements AutoCloseable {
    private final TestCluster cluster;
    private final Path kubeconfig;
    private final KubectlBinary kubectl;

    private KubectlComparison(TestCluster cluster, Path kubeconfig, KubectlBinary kubectl) {
        this.cluster = cluster;
        this.kubeconfig = kubeconfig;
        this.kubectl = kubectl;
    }

    static KubectlComparison start(ClusterStore store, Path dir, String context, String namespace) throws IOException {
        TestCluster cluster = TestCluster.start(store);
        Path kubeconfig = cluster.kubeconfig(dir.resolve("kubeconfig"), context, namespace, TestCluster.ADMIN_TOKEN);
        return new KubectlComparison(cluster, kubeconfig, new KubectlBinary(dir.resolve("home")));
    }

    TestCluster cluster() {
        return cluster;
    }

    Path kubeconfig() {
        return kubeconfig;
    }

    /** {@code command} with {@code --kubeconfig} pointing at this cluster. */
    String[] args(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.add("--kubeconfig");
        args.add(kubeconfig.toString());
        return args.toArray(String[]::new);
    }

    Cli.Result kubectl(String... args) {
        return kubectl.run(args);
    }

    Cli.Result kubectl(List<String> command) {
        return kubectl.run(args(command));
    }

    Cli.Result podscope(List<String> command) {
        return Cli.run(args(command));
    }

    @Override
    public void close() {
        cluster.close();
    }
}
