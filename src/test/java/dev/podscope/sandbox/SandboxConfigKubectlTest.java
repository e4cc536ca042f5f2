package dev.podscope.sandbox;

import dev.podscope.sandbox.sim.SimulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Secrets and ConfigMaps through the real kubectl: create, apply, get, list and delete, and the demo ones. */
class SandboxConfigKubectlTest {
    @TempDir
    static Path dir;
    private static Sandbox sandbox;
    private static Kubectl kubectl;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(0, new SimulatorOptions().withChurn(false));
        kubectl = new Kubectl(sandbox.writeKubeconfig(dir.resolve("kubeconfig")), dir.resolve("home"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void secretsCanBeCreatedReadListedAndDeleted() throws Exception {
        Kubectl.Result created = kubectl.run("create", "secret", "generic", "api-keys", "-n", "shop",
                "--from-literal=key=abc123", "--from-literal=user=svc");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).isEqualTo("secret/api-keys created\n");
        Kubectl.Result value = kubectl.run("get", "secret", "api-keys", "-n", "shop", "-o", "jsonpath={.data.key}");
        assertThat(new String(Base64.getDecoder().decode(value.out()), StandardCharsets.UTF_8)).isEqualTo("abc123");
        Kubectl.Result list = kubectl.run("get", "secrets", "-n", "shop");
        assertThat(list.lines().getFirst()).matches("NAME +TYPE +DATA +AGE");
        assertThat(list.lines()).anyMatch(l -> l.matches("api-keys +Opaque +2 +\\d+s"))
                .anyMatch(l -> l.matches(Canaries.SECRET + " +Opaque +2 +\\d+d"));
        Kubectl.Result deleted = kubectl.run("delete", "secret", "api-keys", "-n", "shop");
        assertThat(deleted.out()).isEqualTo("secret \"api-keys\" deleted\n");
        assertThat(kubectl.run("get", "secret", "api-keys", "-n", "shop").err())
                .contains("NotFound", "secrets \"api-keys\" not found");
    }

    @Test
    void configMapsCanBeAppliedReadAndDeleted() throws Exception {
        String manifest = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: feature-flags
                  namespace: shop
                data:
                  checkout: "v2"
                """;
        Kubectl.Result applied = kubectl.apply(manifest);
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(applied.out()).isEqualTo("configmap/feature-flags created\n");
        assertThat(kubectl.run("get", "configmap", "feature-flags", "-n", "shop", "-o", "jsonpath={.data.checkout}").out())
                .isEqualTo("v2");
        assertThat(kubectl.run("get", "configmap", "feature-flags", "-n", "shop", "-o",
                "jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}").out())
                .contains("\"checkout\":\"v2\"");
        Kubectl.Result again = kubectl.apply(manifest.replace("\"v2\"", "\"v3\""));
        assertThat(again.out()).isEqualTo("configmap/feature-flags configured\n");
        Kubectl.Result maps = kubectl.run("get", "configmaps", "-n", "shop");
        assertThat(maps.lines().getFirst()).matches("NAME +DATA +AGE");
        assertThat(maps.lines()).anyMatch(l -> l.matches("feature-flags +1 +\\d+s"))
                .anyMatch(l -> l.matches(Canaries.CONFIG_MAP + " +2 +\\d+d"));
        assertThat(kubectl.run("delete", "configmap", "feature-flags", "-n", "shop").out())
                .isEqualTo("configmap \"feature-flags\" deleted\n");
    }

    @Test
    void cartPodsReferenceTheDemoSecretAndConfigMap() throws Exception {
        Kubectl.Result env = kubectl.run("get", "pods", "-n", "shop", "-l", "app=cart", "-o",
                "jsonpath={.items[0].spec.containers[0].env[*].name}");
        assertThat(env.out()).contains("DB_PASSWORD", "SESSION_TOKEN", "CURRENCY");
        assertThat(kubectl.run("get", "pods", "-n", "shop", "-l", "app=cart", "-o",
                "jsonpath={.items[0].spec.containers[0].env[?(@.name==\"SESSION_TOKEN\")].valueFrom.secretKeyRef.name}").out())
                .isEqualTo(Canaries.SECRET);
    }
}
