package dev.podscope.sandbox.containers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/**
 * What a simulated container's HTTP port answers: {@code /healthz} (liveness), {@code /readyz} and {@code /ready}
 * (readiness), {@code /} (a small page, or JSON for API services) and {@code /metrics} (Prometheus text). A container
 * whose readiness probe is meant to fail answers 500 on readiness and on {@code /}, as the kubelet's Unhealthy
 * events say, while {@code /healthz} still passes, so the pod keeps running.
 */
record WebApp(String namespace, String pod, String container, String image, boolean ready, Instant started) {
    record Reply(int status, String contentType, byte[] body) {
        static Reply text(int status, String body) {
            return new Reply(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
        }

        static Reply json(int status, String body) {
            return new Reply(status, "application/json", body.getBytes(StandardCharsets.UTF_8));
        }

        static Reply html(String body) {
            return new Reply(200, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final String NOT_READY = """
            {"status":"unavailable","checks":{"database":"dial tcp 10.96.0.41:5432: i/o timeout","cache":"ok"}}
            """;

    Reply answer(HttpRequest request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return Reply.text(405, "method not allowed\n");
        }
        return switch (request.path()) {
            case "/healthz", "/livez" -> Reply.text(200, "ok\n");
            case "/readyz", "/ready" -> ready ? Reply.text(200, "ok\n") : Reply.json(500, NOT_READY);
            case "/" -> ready ? home(request) : Reply.json(500, NOT_READY);
            case "/metrics" -> Reply.text(200, metrics());
            default -> nginx() ? new Reply(404, "text/html", ("<html>\r\n<head><title>404 Not Found</title></head>\r\n"
                    + "<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n"
                    + "</html>\r\n").getBytes(StandardCharsets.UTF_8))
                    : Reply.json(404, "{\"error\":\"not found\",\"path\":\"" + jsonEscape(request.path()) + "\"}\n");
        };
    }

    String serverHeader() {
        return nginx() ? "nginx/" + version() : app();
    }

    private Reply home(HttpRequest request) {
        boolean wantsJson = request.headers().getOrDefault("accept", "").contains("application/json");
        if (nginx() && !wantsJson) {
            return Reply.html("""
                    <!DOCTYPE html>
                    <html>
                    <head><title>%s</title></head>
                    <body>
                    <h1>%s</h1>
                    <p>Served by pod <code>%s</code> in namespace <code>%s</code> (%s).</p>
                    </body>
                    </html>
                    """.formatted(app(), app(), pod, namespace, image));
        }
        return Reply.json(200, "{\"service\":\"" + jsonEscape(app()) + "\",\"version\":\"" + jsonEscape(version())
                + "\",\"pod\":\"" + jsonEscape(pod) + "\",\"namespace\":\"" + jsonEscape(namespace)
                + "\",\"status\":\"ok\"}\n");
    }

    private String metrics() {
        long uptime = Math.max(0, Instant.now().getEpochSecond() - started.getEpochSecond());
        return """
                # HELP process_start_time_seconds Start time of the process since unix epoch in seconds.
                # TYPE process_start_time_seconds gauge
                process_start_time_seconds %d
                # HELP app_up Whether the application considers itself ready.
                # TYPE app_up gauge
                app_up{app="%s",pod="%s"} %d
                # HELP app_uptime_seconds Seconds since the container started.
                # TYPE app_uptime_seconds counter
                app_uptime_seconds %d
                """.formatted(started.getEpochSecond(), app(), pod, ready ? 1 : 0, uptime);
    }

    private boolean nginx() {
        return image.toLowerCase(Locale.ROOT).contains("nginx");
    }

    private String app() {
        String repository = image.contains(":") ? image.substring(0, image.lastIndexOf(':')) : image;
        return repository.substring(repository.lastIndexOf('/') + 1);
    }

    private String version() {
        int colon = image.lastIndexOf(':');
        return colon < 0 || image.indexOf('/', colon) >= 0 ? "latest" : image.substring(colon + 1);
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
