package dev.podscope.probes;

import dev.podscope.portforward.PodTunnel;
import dev.podscope.portforward.PodTunnels;

/** A grpc probe: grpc.health.v1.Health/Check through a port-forward; success is status SERVING. */
final class GrpcProbe {
    private static final String[] STATUS = {"UNKNOWN", "SERVING", "NOT_SERVING", "SERVICE_UNKNOWN"};

    private final PodTunnels tunnels;
    private final ProbeTarget target;
    private final int port;
    private final String service;

    GrpcProbe(PodTunnels tunnels, ProbeTarget target, int port, String service) {
        this.tunnels = tunnels;
        this.target = target;
        this.port = port;
        this.service = service;
    }

    ProbeResult run() {
        String address = target.host() + ":" + port;
        String timeout = "timeout: health rpc did not complete within " + target.timeoutText();
        String action = "grpc " + address + (service.isEmpty() ? "" : " service " + service);
        PodTunnel tunnel;
        try {
            tunnel = tunnels.open(target.namespace(), target.podName(), port);
        } catch (java.io.IOException e) {
            return ProbeCall.failed(action, "failed to connect service \"" + address + "\": " + e.getMessage());
        }
        GrpcHealthCall request = GrpcHealthCall.prepare(service, address);
        return ProbeCall.run(target.timeout(), action, timeout, call -> {
                    call.hold(tunnel);
                    GrpcHealthCall.Answer answer;
                    try {
                        answer = request.exchange(tunnel);
                    } catch (java.io.IOException e) {
                        return new ProbeCall.Outcome(false, 0, "", "failed to connect service \"" + address
                                + "\" within " + target.timeoutText() + ": " + e.getMessage());
                    }
                    if (!"0".equals(answer.grpcStatus())) {
                        return new ProbeCall.Outcome(false, 0, answer.hex(), "rpc error: code = "
                                + answer.grpcStatus() + " (HTTP/2 status " + answer.httpStatus() + ")");
                    }
                    int serving = answer.servingStatus();
                    String name = serving >= 0 && serving < STATUS.length ? STATUS[serving] : "status " + serving;
                    return new ProbeCall.Outcome(serving == 1, 0, name, serving == 1 ? "status: SERVING"
                            : "service unhealthy (responded with \"" + name + "\")");
                });
    }
}
