package dev.podscope.probes;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Probe;

/** A probe definition in one line, as the user would write it: "HTTP GET :http/readyz · timeout 1s · every 10s". */
final class ProbeDescription {
    private ProbeDescription() {
    }

    static String of(V1Probe probe) {
        if (probe == null) {
            return "";
        }
        String action;
        if (probe.getHttpGet() != null) {
            var get = probe.getHttpGet();
            String scheme = get.getScheme() == null ? "HTTP" : get.getScheme();
            action = scheme + " GET :" + port(get.getPort()) + (get.getPath() == null ? "/" : get.getPath());
        } else if (probe.getTcpSocket() != null) {
            action = "TCP connect to :" + port(probe.getTcpSocket().getPort());
        } else if (probe.getExec() != null) {
            action = "exec " + String.join(" ", probe.getExec().getCommand() == null ? java.util.List.of()
                    : probe.getExec().getCommand());
        } else if (probe.getGrpc() != null) {
            String service = probe.getGrpc().getService();
            action = "gRPC health check on :" + probe.getGrpc().getPort()
                    + (service == null || service.isEmpty() ? "" : " (service " + service + ")");
        } else {
            action = "no handler";
        }
        return action + " · timeout " + seconds(probe.getTimeoutSeconds(), 1) + "s · every "
                + seconds(probe.getPeriodSeconds(), 10) + "s · fails after " + seconds(probe.getFailureThreshold(), 3);
    }

    /** The kubelet's default period when none is set. */
    static int period(V1Probe probe) {
        return seconds(probe == null ? null : probe.getPeriodSeconds(), 10);
    }

    private static int seconds(Integer value, int fallback) {
        return value == null || value <= 0 ? fallback : value;
    }

    private static String port(IntOrString port) {
        if (port == null) {
            return "?";
        }
        return port.isInteger() ? Integer.toString(port.getIntValue()) : port.getStrValue();
    }
}
