package dev.podscope.portforward;

import java.io.IOException;

/** The tests' short form of the probes' gRPC health call. */
final class GrpcHealthCall {
    private GrpcHealthCall() {
    }

    /** Returns "http-status grpc-status hex-of-response-message". */
    static String check(PodTunnel tunnel, String service) throws IOException {
        dev.podscope.probes.GrpcHealthCall.Answer answer =
                dev.podscope.probes.GrpcHealthCall.check(tunnel, service, "localhost");
        return answer.httpStatus() + " " + answer.grpcStatus() + " " + answer.hex();
    }
}
