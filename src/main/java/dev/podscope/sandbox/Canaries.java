package dev.podscope.sandbox;

import java.util.List;

/**
 * Secret-looking values planted in the sandbox so that bundle redaction can be tested against a real flow: in a
 * Secret, a ConfigMap, env values of the shop's cart pods and lines of their log. None of them may ever appear in
 * an exported bundle; the {@code VISIBLE_*} values sit right next to them and must survive.
 */
public final class Canaries {
    public static final String NAMESPACE = "shop";
    public static final String SECRET = "cart-db";
    public static final String CONFIG_MAP = "cart-config";

    public static final String SECRET_PASSWORD = "canary-secret-password-8c1f";
    public static final String SECRET_TOKEN = "canary-secret-token-41aa";
    public static final String ENV_PASSWORD = "canary-env-password-93b2";
    public static final String ENV_API_KEY = "canary-env-apikey-77d0";
    public static final String URL_PASSWORD = "canary-url-pass-2e6c";
    public static final String CONFIG_MAP_PASSWORD = "canary-configmap-password-5d9e";
    public static final String BEARER = "canary-bearer-0f3b7c";
    public static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYW5hcnktand0In0.Y2FuYXJ5LWp3dC1zaWduYXR1cmU";
    public static final String CONNECTION_PASSWORD = "canary-conn-pass-6a4d";
    public static final String AWS_ACCESS_KEY = "AKIACANARY0000000001";
    public static final String PRIVATE_KEY_BODY = "MIIEvQIBADANcanaryPrivateKeyBody0000";
    public static final String LOG_TOKEN = "canary-log-token-c3d1";

    public static final String VISIBLE_ENV = "visible-env-region-1b2c";
    public static final String VISIBLE_CONFIG = "visible-config-currency-EUR";
    public static final String VISIBLE_LOG = "visible-log-marker-4e5f";

    /** Every value that must never leave the cluster. */
    public static final List<String> ALL = List.of(SECRET_PASSWORD, SECRET_TOKEN, ENV_PASSWORD, ENV_API_KEY,
            URL_PASSWORD, CONFIG_MAP_PASSWORD, BEARER, JWT, CONNECTION_PASSWORD, AWS_ACCESS_KEY, PRIVATE_KEY_BODY,
            LOG_TOKEN);

    public static final List<String> VISIBLE = List.of(VISIBLE_ENV, VISIBLE_CONFIG, VISIBLE_LOG);

    private Canaries() {
    }

    /** What a careless service writes at debug level while starting: credentials among ordinary lines. */
    public static List<String[]> debugLogFields() {
        return List.of(
                new String[]{"DEBUG", "resolved config", "marker", VISIBLE_LOG},
                new String[]{"DEBUG", "connecting to database", "dsn",
                        "postgres://cart:" + URL_PASSWORD + "@postgres.data.svc.cluster.local:5432/cart"},
                new String[]{"DEBUG", "legacy reporting database", "conn",
                        "Server=sql.data;User Id=cart;Password=" + CONNECTION_PASSWORD + ";"},
                new String[]{"DEBUG", "calling payments", "header", "Authorization: Bearer " + BEARER},
                new String[]{"DEBUG", "session issued", "session", JWT},
                new String[]{"DEBUG", "object storage client", "access_key_id", AWS_ACCESS_KEY},
                new String[]{"DEBUG", "refreshed credentials", "token", LOG_TOKEN});
    }

    /** A private key dumped over several lines, as a misconfigured TLS library does. */
    public static List<String> privateKeyLines() {
        return List.of("-----BEGIN PRIVATE KEY-----", PRIVATE_KEY_BODY,
                "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKiss", "-----END PRIVATE KEY-----");
    }
}
