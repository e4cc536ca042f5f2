package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.Canaries;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapKeySelector;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1EnvVarSource;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cart's configuration: a Secret and a ConfigMap (applied with kubectl, so their last-applied annotation holds
 * their data too) and the env of the cart container, which references both and carries plain values, some of
 * them secret ({@link Canaries}).
 */
final class DemoConfig {
    private DemoConfig() {
    }

    static List<V1EnvVar> cartEnv() {
        return new ArrayList<>(List.of(
                new V1EnvVar().name("LOG_LEVEL").value("debug"),
                new V1EnvVar().name("CART_REGION").value(Canaries.VISIBLE_ENV),
                new V1EnvVar().name("DB_PASSWORD").value(Canaries.ENV_PASSWORD),
                new V1EnvVar().name("PAYMENT_API_KEY").value(Canaries.ENV_API_KEY),
                new V1EnvVar().name("DATABASE_URL")
                        .value("postgres://cart:" + Canaries.URL_PASSWORD + "@postgres.data.svc.cluster.local:5432/cart"),
                new V1EnvVar().name("SESSION_TOKEN").valueFrom(new V1EnvVarSource()
                        .secretKeyRef(new V1SecretKeySelector().name(Canaries.SECRET).key("token"))),
                new V1EnvVar().name("CURRENCY").valueFrom(new V1EnvVarSource()
                        .configMapKeyRef(new V1ConfigMapKeySelector().name(Canaries.CONFIG_MAP).key("currency")))));
    }

    static void create(PopulationContext p) {
        OffsetDateTime created = p.birth().plusHours(2);
        Map<String, String> data = new LinkedHashMap<>();
        data.put("currency", Canaries.VISIBLE_CONFIG);
        data.put("db.password", Canaries.CONFIG_MAP_PASSWORD);
        p.create(Resources.CONFIG_MAPS, new V1ConfigMap().apiVersion("v1").kind("ConfigMap")
                .metadata(meta(p, Canaries.CONFIG_MAP, created, "{\"apiVersion\":\"v1\",\"data\":{\"currency\":\""
                        + Canaries.VISIBLE_CONFIG + "\",\"db.password\":\"" + Canaries.CONFIG_MAP_PASSWORD
                        + "\"},\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + Canaries.CONFIG_MAP
                        + "\",\"namespace\":\"" + Canaries.NAMESPACE + "\"}}\n"))
                .data(data));
        Map<String, byte[]> secret = new LinkedHashMap<>();
        secret.put("password", Canaries.SECRET_PASSWORD.getBytes(StandardCharsets.UTF_8));
        secret.put("token", Canaries.SECRET_TOKEN.getBytes(StandardCharsets.UTF_8));
        p.create(Resources.SECRETS, new V1Secret().apiVersion("v1").kind("Secret").type("Opaque")
                .metadata(meta(p, Canaries.SECRET, created, "{\"apiVersion\":\"v1\",\"kind\":\"Secret\","
                        + "\"metadata\":{\"name\":\"" + Canaries.SECRET + "\",\"namespace\":\"" + Canaries.NAMESPACE
                        + "\"},\"stringData\":{\"password\":\"" + Canaries.SECRET_PASSWORD + "\",\"token\":\""
                        + Canaries.SECRET_TOKEN + "\"},\"type\":\"Opaque\"}\n"))
                .data(secret));
    }

    private static V1ObjectMeta meta(PopulationContext p, String name, OffsetDateTime created, String lastApplied) {
        return new V1ObjectMeta().namespace(Canaries.NAMESPACE).name(name).uid(p.naming().uid())
                .creationTimestamp(created).labels(Templates.appLabels("cart"))
                .annotations(new LinkedHashMap<>(Map.of("kubectl.kubernetes.io/last-applied-configuration", lastApplied)));
    }
}
