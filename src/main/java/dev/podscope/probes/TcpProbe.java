package dev.podscope.probes;

import dev.podscope.portforward.PodTunnel;
import dev.podscope.portforward.PodTunnels;
import dev.podscope.portforward.TunnelCheck;

import java.time.Duration;

/** A tcpSocket probe: a connection to the port through a port-forward; success when the pod side accepts it. */
final class TcpProbe {
    private static final Duration REFUSAL_WAIT = Duration.ofMillis(300);

    private final PodTunnels tunnels;
    private final ProbeTarget target;
    private final int port;

    TcpProbe(PodTunnels tunnels, ProbeTarget target, int port) {
        this.tunnels = tunnels;
        this.target = target;
        this.port = port;
    }

    ProbeResult run() {
        String address = target.host() + ":" + port;
        Duration wait = REFUSAL_WAIT.compareTo(target.timeout()) < 0 ? REFUSAL_WAIT : target.timeout().dividedBy(2);
        PodTunnel tunnel;
        try {
            tunnel = tunnels.open(target.namespace(), target.podName(), port);
        } catch (java.io.IOException e) {
            return ProbeCall.failed("tcpSocket " + port, "dial tcp " + address + ": " + e.getMessage());
        }
        return ProbeCall.run(target.timeout(), "tcpSocket " + port, "dial tcp " + address + ": i/o timeout", call -> {
            call.hold(tunnel);
            try {
                TunnelCheck.verify(tunnel, wait);
            } catch (java.io.IOException e) {
                return new ProbeCall.Outcome(false, 0, "", "dial tcp " + address + ": " + e.getMessage());
            }
            return new ProbeCall.Outcome(true, 0, "", "connected to " + address);
        });
    }
}
