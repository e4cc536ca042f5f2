package dev.podscope.format;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1ExecAction;
import io.kubernetes.client.openapi.models.V1GRPCAction;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1TCPSocketAction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** kubectl describe's probe strings (DescribeProbe); DescribeCommandTest checks them against kubectl itself. */
class ProbeTextTest {

    private static V1Probe timing(V1Probe p) {
        return p.initialDelaySeconds(0).timeoutSeconds(1).periodSeconds(10).successThreshold(1).failureThreshold(3);
    }

    static Stream<Arguments> probes() {
        String t = " delay=0s timeout=1s period=10s #success=1 #failure=3";
        return Stream.of(
                Arguments.of(timing(new V1Probe().httpGet(new V1HTTPGetAction().path("/healthz")
                        .port(new IntOrString(8080)).scheme("HTTP"))), "http-get http://:8080/healthz" + t),
                Arguments.of(timing(new V1Probe().httpGet(new V1HTTPGetAction().path("/readyz")
                        .port(new IntOrString("http")).scheme("HTTP"))), "http-get http://:http/readyz" + t),
                Arguments.of(timing(new V1Probe().httpGet(new V1HTTPGetAction().path("healthz").host("fd00::1")
                        .port(new IntOrString(443)).scheme("HTTPS"))), "http-get https://[fd00::1]:443/healthz" + t),
                Arguments.of(timing(new V1Probe().tcpSocket(new V1TCPSocketAction().port(new IntOrString(6379)))),
                        "tcp-socket :6379" + t),
                Arguments.of(timing(new V1Probe().exec(new V1ExecAction().command(List.of("redis-cli", "ping")))),
                        "exec [redis-cli ping]" + t),
                Arguments.of(timing(new V1Probe().grpc(new V1GRPCAction().port(50051).service(""))),
                        "grpc <pod>:50051 " + t),
                Arguments.of(new V1Probe().initialDelaySeconds(5).timeoutSeconds(2).periodSeconds(15)
                        .successThreshold(1).failureThreshold(4), "unknown delay=5s timeout=2s period=15s #success=1 #failure=4"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("probes")
    void writesProbesAsKubectlDescribe(V1Probe probe, String expected) {
        assertThat(ProbeText.describe(probe)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("probes")
    void theTargetIsTheTextBeforeTheTiming(V1Probe probe, String expected) {
        String target = ProbeText.target(probe);
        if (target == null) {
            assertThat(expected).startsWith("unknown ");
        } else {
            assertThat(expected).startsWith(target + " delay=");
        }
    }
}
