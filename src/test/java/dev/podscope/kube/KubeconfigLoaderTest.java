package dev.podscope.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigLoaderTest {
    @TempDir
    Path home;

    @Test
    void firstFileWinsWholeEntriesAndFirstNonEmptyCurrentContext() {
        KubeconfigSet set = Fixtures.loadList(home, "merge/first.yaml", "merge/other/second.yaml",
                "merge/third.yaml");

        assertThat(set.problems()).isEmpty();
        // first.yaml has no current-context, second.yaml says beta, third.yaml's alpha comes too late
        assertThat(set.currentContext()).contains("beta");
        assertThat(set.contexts()).extracting(KubeContext::name)
                .containsExactly("Zulu", "alpha", "beta", "dev", "zeta-orphan", "Ärger");

        KubeContext alpha = set.context("alpha").orElseThrow();
        assertThat(alpha).isEqualTo(new KubeContext("alpha", "prod", "admin", "payments",
                "https://prod.example.com:6443", Fixtures.path("merge/first.yaml")));
        assertThat(set.cluster("prod").orElseThrow().server()).isEqualTo("https://prod.example.com:6443");

        UserEntry admin = set.user("admin").orElseThrow();
        assertThat(admin.sourceFile()).isEqualTo(Fixtures.path("merge/first.yaml"));
        assertThat(admin.username()).as("second file's admin is discarded entirely, not merged field by field")
                .isNull();
        assertThat(admin.password()).isNull();

        KubeContext beta = set.context("beta").orElseThrow();
        assertThat(beta.namespace()).isEqualTo("kube-system");
        assertThat(beta.server()).isEqualTo("https://staging.example.com");
        assertThat(beta.sourceFile()).isEqualTo(Fixtures.path("merge/other/second.yaml"));

        KubeContext orphan = set.context("zeta-orphan").orElseThrow();
        assertThat(orphan.server()).as("cluster missing").isNull();
        assertThat(set.context("dev").orElseThrow().namespace()).as("unset namespace").isNull();
        assertThat(set.files()).containsExactly(Fixtures.path("merge/first.yaml"),
                Fixtures.path("merge/other/second.yaml"), Fixtures.path("merge/third.yaml"));
    }

    @Test
    void relativePathsResolveAgainstTheDirectoryOfTheFileThatNamesThem() {
        KubeconfigSet set = Fixtures.loadList(home, "merge/first.yaml", "merge/other/second.yaml");
        Path first = Fixtures.path("merge/first.yaml").getParent();
        Path second = Fixtures.path("merge/other/second.yaml").getParent();

        assertThat(set.cluster("prod").orElseThrow().certificateAuthority()).isEqualTo(first.resolve("certs/ca.crt"));
        assertThat(set.cluster("prod").orElseThrow().tlsServerName()).isEqualTo("kubernetes.default.svc");
        assertThat(set.cluster("staging").orElseThrow().certificateAuthority())
                .isEqualTo(second.resolve("ca/staging.pem"));
        UserEntry admin = set.user("admin").orElseThrow();
        assertThat(admin.clientCertificate()).isEqualTo(first.resolve("certs/client.crt"));
        assertThat(admin.clientKey()).isEqualTo(first.getParent().resolve("keys/client.key"));
        assertThat(set.user("viewer").orElseThrow().clientKey()).isEqualTo(second.resolve("viewer.key"));

        UserEntry robot = set.user("robot").orElseThrow();
        assertThat(robot.tokenFile()).isEqualTo(first.resolve("token"));
        ExecConfig exec = robot.exec();
        assertThat(exec.command()).as("contains a separator, so resolved")
                .isEqualTo(first.resolve("bin/plugin").toString());
        assertThat(exec.args()).containsExactly("get-token", "--cluster=prod");
        assertThat(exec.env()).containsExactly(new ExecConfig.EnvVar("REGION", "eu-west-1"));
        assertThat(exec.installHint()).isEqualTo("install it with your package manager");
        assertThat(exec.interactiveMode()).as("v1beta1 default").isEqualTo("IfAvailable");

        assertThat(set.user("path-plugin").orElseThrow().exec().command()).as("looked up on PATH")
                .isEqualTo("kubelogin");
        assertThat(set.user("absolute-plugin").orElseThrow().exec().command()).isEqualTo("/usr/local/bin/aws");
        assertThat(set.cluster("dev").orElseThrow().insecureSkipTlsVerify()).isTrue();
    }

    @Test
    void missingFilesInTheListAreSkippedAndDuplicatesLoadOnce() {
        Path first = Fixtures.path("merge/first.yaml");
        String list = String.join(File.pathSeparator, "", home.resolve("missing.yaml").toString(),
                first.toString(), "", first.toString(), Fixtures.path("broken/good.yaml").toString());

        KubeconfigSet set = KubeconfigLoader.load(KubeconfigSource.resolve(null, Map.of("KUBECONFIG", list), home));

        assertThat(set.problems()).isEmpty();
        assertThat(set.files()).containsExactly(first, Fixtures.path("broken/good.yaml"));
        assertThat(set.contexts()).extracting(KubeContext::name).containsExactly("alpha", "dev", "good");
        assertThat(set.currentContext()).contains("good");
    }

    @Test
    void aBrokenFileIsReportedAndDoesNotStopTheOthers() throws IOException {
        Path kube = Files.createDirectories(home.resolve(".kube"));
        Path broken = Files.copy(Fixtures.path("broken/broken.yaml"), kube.resolve("broken.yaml"));
        Path good = Fixtures.path("broken/good.yaml");
        String list = broken + File.pathSeparator + good + File.pathSeparator
                + Fixtures.path("broken/duplicate.yaml") + File.pathSeparator
                + Fixtures.path("broken/wrong-type.yaml");

        KubeconfigSet set = KubeconfigLoader.load(KubeconfigSource.resolve(null, Map.of("KUBECONFIG", list), home));

        assertThat(set.contexts()).extracting(KubeContext::name).containsExactly("good");
        assertThat(set.currentContext()).contains("good");
        assertThat(set.problems()).hasSize(3);
        // kubectl: "yaml: line 3: mapping values are not allowed in this context"
        assertThat(set.problems().get(0))
                .isEqualTo("~/.kube/broken.yaml: not valid YAML at line 3: mapping values are not allowed here");
        assertThat(set.problems().get(1))
                .isEqualTo(Fixtures.path("broken/duplicate.yaml") + ": duplicate cluster name \"twice\"");
        assertThat(set.problems().get(2)).isEqualTo(Fixtures.path("broken/wrong-type.yaml")
                + ": not a valid kubeconfig: clusters[0].cluster.server has the wrong type");
    }

    @Test
    void jsonKubeconfigWithTabsLoads() {
        Path json = Fixtures.path("json/config.json");
        KubeconfigSet set = KubeconfigLoader.load(KubeconfigSource.resolve(json.toString(), Map.of(), home));

        assertThat(set.problems()).isEmpty();
        assertThat(set.currentContext()).contains("json-ctx");
        assertThat(set.context("json-ctx").orElseThrow()).isEqualTo(new KubeContext("json-ctx", "json-cluster",
                "json-user", "json-ns", "https://json.example.com", json));
        ClusterEntry cluster = set.cluster("json-cluster").orElseThrow();
        assertThat(cluster.certificateAuthorityData()).asString().isEqualTo("not really a CA");
        assertThat(cluster.certificateAuthority()).isEqualTo(json.getParent().resolve("ca.pem"));
        assertThat(set.user("json-user").orElseThrow().clientKey()).isEqualTo(json.getParent().resolve("keys/k.pem"));
    }

    @Test
    void explicitFileMustExistButTheDefaultFileMayBeMissing() {
        Path missing = home.resolve(".kube/other");
        assertThatThrownBy(() -> KubeconfigLoader.load(KubeconfigSource.resolve(missing.toString(), Map.of(), home)))
                .isInstanceOf(KubeconfigException.class)
                .hasMessage("kubeconfig ~/.kube/other not found");

        KubeconfigSet empty = KubeconfigLoader.load(KubeconfigSource.resolve(null, Map.of(), home));
        assertThat(empty.contexts()).isEmpty();
        assertThat(empty.files()).isEmpty();
        assertThat(empty.problems()).isEmpty();
        assertThat(empty.currentContext()).isEmpty();
    }

    @Test
    void sourcePrecedenceIsExplicitThenKubeconfigThenHome() {
        Map<String, String> env = Map.of("KUBECONFIG", "/a" + File.pathSeparator + "/b");
        assertThat(KubeconfigSource.resolve("/x", env, home).files()).containsExactly(Path.of("/x"));
        assertThat(KubeconfigSource.resolve("/x", env, home).explicit()).isTrue();
        assertThat(KubeconfigSource.resolve(null, env, home).files()).containsExactly(Path.of("/a"), Path.of("/b"));
        assertThat(KubeconfigSource.resolve(null, Map.of("KUBECONFIG", ""), home).files())
                .containsExactly(home.resolve(".kube/config"));
    }

    @Test
    void emptyAndCommentOnlyFilesAreEmptyConfigs() throws IOException {
        Path empty = Files.writeString(home.resolve("empty.yaml"), "");
        Path comments = Files.writeString(home.resolve("comments.yaml"), "# nothing here\n");
        KubeconfigSet set = KubeconfigLoader.load(KubeconfigSource.resolve(null,
                Map.of("KUBECONFIG", empty + File.pathSeparator + comments), home));
        assertThat(set.problems()).isEmpty();
        assertThat(set.files()).containsExactly(empty, comments);
        assertThat(set.contexts()).isEmpty();
    }

    @Test
    void secretsStayOutOfToString() {
        KubeconfigSet set = KubeconfigLoader.load(KubeconfigSource.resolve(
                Fixtures.path("merge/other/second.yaml").toString(), Map.of(), home));
        assertThat(set.user("admin").orElseThrow().toString()).doesNotContain("shadow-password");
        KubeconfigSet json = KubeconfigLoader.load(KubeconfigSource.resolve(
                Fixtures.path("json/config.json").toString(), Map.of(), home));
        assertThat(json.user("json-user").orElseThrow().toString()).doesNotContain("json-token");
        assertThat(List.of(json.toString(), json.users().toString())).noneMatch(s -> s.contains("json-token"));
    }
}
