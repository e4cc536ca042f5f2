package dev.podscope.sandbox.logs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A web server's access log in the combined format, with kubelet probes among the visitors. nginx images also
 * print the entrypoint's and nginx's own start, stop and configuration-error lines.
 */
final class AccessLogStyle implements LogStyle {
    private static final DateTimeFormatter ACCESS_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ERROR_TIME =
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final List<String> PAGES = List.of("/", "/index.html", "/products", "/products/4711", "/cart",
            "/static/app.3f9c2a.js", "/static/app.3f9c2a.css", "/favicon.ico", "/api/products?page=2",
            "/api/cart", "/api/session", "/images/banner.webp");
    private static final List<Integer> STATUSES = List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200,
            200, 304, 304, 404, 301);
    private static final List<String> AGENTS = List.of(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
            "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
            "curl/8.11.0", "Go-http-client/1.1");

    @Override
    public double linesPerSecond(ContainerRun run) {
        return 2.5;
    }

    @Override
    public List<String> startup(ContainerRun run, Instant at) {
        if (!nginx(run)) {
            return List.of(JsonLine.of(at, "INFO", "starting " + run.name(), "version", run.version()),
                    JsonLine.of(at, "INFO", "serving static assets", "dir", "/srv/" + run.name() + "/public"),
                    JsonLine.of(at, "INFO", "http server listening", "addr", ":" + run.httpPort()));
        }
        String time = ERROR_TIME.format(at);
        return List.of(
                "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
                "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
                "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
                "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
                "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
                "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh",
                "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
                "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
                "/docker-entrypoint.sh: Configuration complete; ready for start up",
                time + " [notice] 1#1: using the \"epoll\" event method",
                time + " [notice] 1#1: nginx/" + run.version().split("-")[0],
                time + " [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14)",
                time + " [notice] 1#1: OS: Linux 6.8.0-51-generic",
                time + " [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576",
                time + " [notice] 1#1: start worker processes",
                time + " [notice] 1#1: start worker process 29");
    }

    /** nginx's entrypoint runs its scripts before nginx reads its configuration and fails. */
    @Override
    public int startupLinesBeforeFailure() {
        return 9;
    }

    @Override
    public String line(ContainerRun run, SplittableRandom random, Instant at) {
        boolean probe = random.nextInt(8) == 0;
        String client = probe ? "10.244.0.1" : "10.244." + random.nextInt(3) + "." + random.nextInt(2, 250);
        String path = probe ? "/healthz" : PAGES.get(random.nextInt(PAGES.size()));
        int status = probe ? 200 : random.nextInt(150) == 0 ? 502 : STATUSES.get(random.nextInt(STATUSES.size()));
        int bytes = status == 304 ? 0 : probe ? 2 : random.nextInt(180, 48_000);
        String agent = probe ? "kube-probe/1.32" : AGENTS.get(random.nextInt(AGENTS.size()));
        String method = !probe && path.startsWith("/api/cart") && random.nextBoolean() ? "POST" : "GET";
        return client + " - - [" + ACCESS_TIME.format(at) + "] \"" + method + " " + path + " HTTP/1.1\" " + status
                + " " + bytes + " \"-\" \"" + agent + "\"";
    }

    @Override
    public List<String> stop(ContainerRun run, Instant at) {
        if (!nginx(run)) {
            return List.of(JsonLine.of(at, "INFO", "received signal, shutting down", "signal", "terminated"),
                    JsonLine.of(at, "INFO", "shutdown complete"));
        }
        // the nginx image's STOPSIGNAL is SIGQUIT, so the runtime stops it with a graceful quit
        String time = ERROR_TIME.format(at);
        return List.of(
                time + " [notice] 1#1: signal 3 (SIGQUIT) received, shutting down",
                time + " [notice] 29#29: gracefully shutting down",
                time + " [notice] 29#29: exiting",
                time + " [notice] 29#29: exit",
                time + " [notice] 1#1: signal 17 (SIGCHLD) received from 29",
                time + " [notice] 1#1: worker process 29 exited with code 0",
                time + " [notice] 1#1: exit");
    }

    @Override
    public List<String> crash(ContainerRun run, int exitCode, Instant at) {
        if (!nginx(run)) {
            return StackTraces.forExit(run, exitCode);
        }
        return List.of(ERROR_TIME.format(at) + " [emerg] 1#1: host not found in upstream \"api:8080\" in"
                        + " /etc/nginx/conf.d/default.conf:12",
                "nginx: [emerg] host not found in upstream \"api:8080\" in /etc/nginx/conf.d/default.conf:12");
    }

    private static boolean nginx(ContainerRun run) {
        return run.image().contains("nginx");
    }
}
