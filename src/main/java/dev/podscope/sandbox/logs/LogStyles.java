package dev.podscope.sandbox.logs;

import java.util.List;
import java.util.Locale;

/** Picks the log style of a container from its image (and, for plain shells, its command). */
final class LogStyles {
    private static final LogStyle ACCESS = new AccessLogStyle();
    private static final LogStyle JSON = new JsonLogStyle();
    private static final LogStyle KLOG = new KlogStyle();
    private static final LogStyle COREDNS = new CoreDnsStyle();
    private static final LogStyle REDIS = new RedisStyle();
    private static final LogStyle FLUENT_BIT = new FluentBitStyle();
    private static final LogStyle SHELL = new ShellStyle();
    private static final LogStyle FLOOD = new FloodStyle();
    private static final List<String> WEB = List.of("nginx", "httpd", "envoy", "frontend", "web", "gateway", "proxy",
            "ingress", "caddy", "traefik");
    private static final List<String> SHELLS = List.of("busybox", "alpine", "debian", "ubuntu");

    private LogStyles() {
    }

    static LogStyle of(ContainerRun run) {
        String image = run.image().toLowerCase(Locale.ROOT);
        String repository = repository(image);
        if (repository.equals(FloodStyle.IMAGE_NAME)) {
            return FLOOD;
        }
        if (repository.contains("coredns")) {
            return COREDNS;
        }
        if (repository.contains("redis")) {
            return REDIS;
        }
        if (repository.contains("fluent")) {
            return FLUENT_BIT;
        }
        if (image.startsWith("registry.k8s.io/") || repository.contains("kindnet")) {
            return KLOG;
        }
        if (SHELLS.stream().anyMatch(repository::equals)) {
            return SHELL;
        }
        return WEB.stream().anyMatch(repository::contains) ? ACCESS : JSON;
    }

    /** The last path segment without tag or digest: {@code cart} of {@code registry.example.com/shop/cart:v1}. */
    private static String repository(String image) {
        String withoutDigest = image.split("@")[0];
        String last = withoutDigest.substring(withoutDigest.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        return colon < 0 ? last : last.substring(0, colon);
    }
}
