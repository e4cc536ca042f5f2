package dev.podscope.sandbox.api;

import com.google.gson.JsonObject;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/** The endpoints a real API server serves without authentication: {@code /version} and the health checks. */
final class ServerInfo {
    static final String GIT_VERSION = "v1.32.0-podscope-sandbox";
    private static final Set<String> HEALTH = Set.of("/healthz", "/readyz", "/livez");

    private ServerInfo() {
    }

    /** Answers {@code path} when it is one of these endpoints; false otherwise. */
    static boolean serve(String path, byte[] version, Response response, Callback callback) {
        if (HEALTH.contains(path)) {
            Replies.text(response, callback, 200, "ok");
            return true;
        }
        if (path.equals("/version")) {
            Replies.json(response, callback, 200, version);
            return true;
        }
        return false;
    }

    /** The live sandbox's {@code /version}. */
    static byte[] sandboxVersion() {
        JsonObject version = new JsonObject();
        version.addProperty("major", "1");
        version.addProperty("minor", "32");
        version.addProperty("gitVersion", GIT_VERSION);
        version.addProperty("gitCommit", "0000000000000000000000000000000000000000");
        version.addProperty("gitTreeState", "clean");
        version.addProperty("buildDate", "2024-12-11T00:00:00Z");
        version.addProperty("goVersion", "go1.23.3");
        version.addProperty("compiler", "gc");
        version.addProperty("platform", "linux/amd64");
        return version.toString().getBytes(StandardCharsets.UTF_8);
    }
}
