package dev.podscope.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code podscope contexts} against {@code kubectl config get-contexts} on the same kubeconfig files. */
class ContextsCommandTest {
    @TempDir
    static Path dir;

    private static Path first;
    private static Path second;
    private static KubectlBinary kubectl;

    @BeforeAll
    static void writeKubeconfigs() throws IOException {
        first = Files.writeString(dir.resolve("first.yaml"), """
                apiVersion: v1
                kind: Config
                current-context: dev
                clusters:
                - name: dev-cluster
                  cluster: {server: "https://dev.example:6443"}
                users:
                - name: dev-user
                  user: {token: dev-token}
                contexts:
                - name: dev
                  context: {cluster: dev-cluster, user: dev-user, namespace: web}
                - name: prod
                  context: {cluster: prod-cluster, user: admin}
                """);
        second = Files.writeString(dir.resolve("second.yaml"), """
                apiVersion: v1
                kind: Config
                current-context: staging
                contexts:
                - name: prod
                  context: {cluster: other-cluster, user: other-user, namespace: ignored}
                - name: staging
                  context: {cluster: staging-cluster, user: ci-robot-with-a-long-name}
                - name: a-very-long-context-name-for-column-width
                  context: {cluster: kind, user: kind, namespace: kube-system}
                """);
        kubectl = new KubectlBinary(dir.resolve("home"));
    }

    @Test
    void oneFileGivenWithKubeconfig() {
        for (Path file : List.of(first, second)) {
            Cli.Result expected = kubectl.run("config", "get-contexts", "--kubeconfig", file.toString());

            Cli.Result actual = Cli.run("contexts", "--kubeconfig", file.toString());

            assertThat(expected.exitCode()).isZero();
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void noKubeconfigAtAll() throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve("empty-home"));
        Cli.Result expected = kubectl.run(Map.of("HOME", home.toString()), "config", "get-contexts");

        Cli.Result actual = PodscopeProcess.run(Map.of("HOME", home.toString()), home, List.of("contexts"));

        assertThat(actual).isEqualTo(expected);
        Cli.Result get = PodscopeProcess.run(Map.of("HOME", home.toString()), home, List.of("get", "pods"));
        assertThat(get).isEqualTo(new Cli.Result(1, "", "error: no kubeconfig found (looked at $KUBECONFIG and"
                + " ~/.kube/config); pass --kubeconfig FILE, or start `podscope sandbox` and use the kubeconfig it"
                + " writes\n"));
    }

    @Test
    void filesMergedFromTheKubeconfigVariable() throws IOException, InterruptedException {
        String missing = dir.resolve("missing.yaml").toString();
        for (String list : List.of(first + File.pathSeparator + second,
                missing + File.pathSeparator + second + File.pathSeparator + File.pathSeparator + first)) {
            Map<String, String> env = Map.of("KUBECONFIG", list);
            Cli.Result expected = kubectl.run(env, "config", "get-contexts");

            Cli.Result actual = PodscopeProcess.run(env, List.of("contexts"));

            assertThat(expected.exitCode()).isZero();
            assertThat(actual).as("KUBECONFIG=%s", list).isEqualTo(expected);
        }
    }
}
