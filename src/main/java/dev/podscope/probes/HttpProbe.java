package dev.podscope.probes;

import dev.podscope.portforward.PodTunnel;
import dev.podscope.portforward.PodTunnels;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1HTTPHeader;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * An httpGet probe through a port-forward, with the kubelet's request: its User-Agent and Accept, the probe's
 * headers (a Host header replaces the default pod-IP:port), success for statuses 200-399. HTTPS goes through a
 * loopback bridge with TLS that, like the kubelet, does not verify the certificate.
 */
final class HttpProbe {
    private final PodTunnels tunnels;
    private final ProbeTarget target;
    private final int port;
    private final V1HTTPGetAction action;

    HttpProbe(PodTunnels tunnels, ProbeTarget target, int port, V1HTTPGetAction action) {
        this.tunnels = tunnels;
        this.target = target;
        this.port = port;
        this.action = action;
    }

    ProbeResult run() {
        String scheme = action.getScheme() == null ? "http" : action.getScheme().toLowerCase(Locale.ROOT);
        String path = action.getPath() == null || action.getPath().isEmpty() ? "/"
                : action.getPath().startsWith("/") ? action.getPath() : "/" + action.getPath();
        String host = action.getHost() == null || action.getHost().isEmpty() ? target.host() : action.getHost();
        String url = scheme + "://" + host + ":" + port + path;
        String timeout = "Get \"" + url + "\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)";
        PodTunnel tunnel;
        try {
            tunnel = tunnels.open(target.namespace(), target.podName(), port);
        } catch (IOException e) {
            return ProbeCall.failed("httpGet " + url, "Get \"" + url + "\": " + e.getMessage());
        }
        return ProbeCall.run(target.timeout(), "httpGet " + url, timeout, call -> {
            call.hold(tunnel);
            HttpExchange exchange;
            try {
                if (scheme.equals("https")) {
                    Socket tls = call.hold(TlsBridge.over(tunnel, host, port));
                    exchange = exchange(tls.getOutputStream(), new HttpExchange(tls.getInputStream()), host);
                } else {
                    exchange = exchange(tunnel.output(), new HttpExchange(tunnel.input()), host);
                }
            } catch (IOException e) {
                return new ProbeCall.Outcome(false, 0, "", "Get \"" + url + "\": " + e.getMessage());
            }
            int status = exchange.status();
            boolean ok = status >= 200 && status < 400;
            return new ProbeCall.Outcome(ok, status, exchange.body(), ok
                    ? "HTTP probe succeeded with statuscode: " + status
                    : "HTTP probe failed with statuscode: " + status);
        });
    }

    private HttpExchange exchange(OutputStream out, HttpExchange response, String host) throws IOException {
        String path = action.getPath() == null || action.getPath().isEmpty() ? "/" : action.getPath();
        StringBuilder request = new StringBuilder("GET ").append(path.startsWith("/") ? path : "/" + path)
                .append(" HTTP/1.1\r\n");
        List<V1HTTPHeader> headers = action.getHttpHeaders() == null ? List.of() : action.getHttpHeaders();
        boolean hostGiven = headers.stream().anyMatch(h -> h.getName().equalsIgnoreCase("Host"));
        if (!hostGiven) {
            request.append("Host: ").append(host).append(':').append(port).append("\r\n");
        }
        boolean agentGiven = headers.stream().anyMatch(h -> h.getName().equalsIgnoreCase("User-Agent"));
        if (!agentGiven) {
            request.append("User-Agent: kube-probe/1.32\r\n");
        }
        boolean acceptGiven = headers.stream().anyMatch(h -> h.getName().equalsIgnoreCase("Accept"));
        if (!acceptGiven) {
            request.append("Accept: */*\r\n");
        }
        for (V1HTTPHeader h : headers) {
            request.append(h.getName()).append(": ").append(h.getValue()).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        response.read();
        return response;
    }
}
