package dev.podscope.format;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1Probe;
import java.util.List;
import java.util.Locale;

/**
 * A probe as {@code kubectl describe} writes it ({@code DescribeProbe} in kubectl's describe.go), e.g.
 * {@code http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3}.
 * Unset numbers print as 0, as Go prints the zero value; the API server defaults them on real clusters.
 */
public final class ProbeText {

    private ProbeText() {
    }

    public static String describe(V1Probe probe) {
        String attrs = "delay=" + num(probe.getInitialDelaySeconds()) + "s timeout=" + num(probe.getTimeoutSeconds())
                + "s period=" + num(probe.getPeriodSeconds()) + "s #success=" + num(probe.getSuccessThreshold())
                + " #failure=" + num(probe.getFailureThreshold());
        String target = target(probe);
        return target == null ? "unknown " + attrs : target + " " + attrs;
    }

    /**
     * What the probe checks without its timing, e.g. {@code http-get http://:8080/healthz}, {@code tcp-socket :6379},
     * {@code exec [redis-cli ping]}, {@code grpc <pod>:50051 }; null for a probe without a handler.
     */
    public static String target(V1Probe probe) {
        if (probe.getExec() != null) {
            return "exec " + goSlice(probe.getExec().getCommand());
        }
        if (probe.getHttpGet() != null) {
            return "http-get " + url(probe.getHttpGet());
        }
        if (probe.getTcpSocket() != null) {
            return "tcp-socket " + Text.orEmpty(probe.getTcpSocket().getHost()) + ":"
                    + port(probe.getTcpSocket().getPort());
        }
        if (probe.getGrpc() != null) {
            return "grpc <pod>:" + num(probe.getGrpc().getPort()) + " " + Text.orEmpty(probe.getGrpc().getService());
        }
        return null;
    }

    /** Go's url.URL.String() for scheme://host:port/path, as kubectl builds it. */
    static String url(V1HTTPGetAction get) {
        String scheme = Text.orEmpty(get.getScheme()).toLowerCase(Locale.ROOT);
        String host = Text.orEmpty(get.getHost());
        String port = port(get.getPort());
        String authority = port.isEmpty() ? host : joinHostPort(host, port);
        String path = Text.orEmpty(get.getPath());
        StringBuilder sb = new StringBuilder();
        if (!scheme.isEmpty()) {
            sb.append(scheme).append(':');
        }
        if (!scheme.isEmpty() || !authority.isEmpty()) {
            sb.append("//").append(authority);
        }
        if (!path.isEmpty() && path.charAt(0) != '/' && !authority.isEmpty()) {
            sb.append('/');
        }
        sb.append(path);
        return sb.toString();
    }

    private static String joinHostPort(String host, String port) {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }

    /** IntOrString.String(): the number, or the named port. */
    static String port(IntOrString port) {
        if (port == null) {
            return "0";
        }
        return port.isInteger() ? Integer.toString(port.getIntValue()) : Text.orEmpty(port.getStrValue());
    }

    /** fmt's %v of a []string: {@code [a b c]}. */
    static String goSlice(List<String> items) {
        return items == null ? "[]" : "[" + String.join(" ", items) + "]";
    }

    private static int num(Integer value) {
        return value == null ? 0 : value;
    }
}
