package dev.podscope.sandbox.sim;

import dev.podscope.portforward.SandboxPods;
import dev.podscope.sandbox.Sandbox;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.openapi.models.V1EndpointAddress;
import io.kubernetes.client.openapi.models.V1EndpointSlice;
import io.kubernetes.client.openapi.models.V1Endpoints;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo Services' Endpoints and EndpointSlices follow their pods' readiness and replacements. */
class ServiceEndpointsTest {
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = SandboxPods.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void readyPodsAreAddressesWithTheNamedTargetPortResolved() throws Exception {
        V1Endpoints web = awaitEndpoints("default", "web", e -> e.getSubsets() != null);
        assertThat(web.getSubsets().getFirst().getAddresses()).hasSize(3)
                .allSatisfy(a -> assertThat(a.getTargetRef().getName()).startsWith("web-"));
        assertThat(web.getSubsets().getFirst().getPorts()).singleElement()
                .satisfies(p -> assertThat(p.getName() + ":" + p.getPort()).isEqualTo("http:80"));
        V1EndpointSlice slice = slice("default", "web");
        assertThat(slice.getMetadata().getLabels()).containsEntry("kubernetes.io/service-name", "web");
        assertThat(slice.getEndpoints()).hasSize(3).allSatisfy(e -> assertThat(e.getConditions().getReady()).isTrue());
    }

    @Test
    void theFailingReadinessScenarioIsOnlyANotReadyAddress() throws Exception {
        V1Endpoints recommendations = awaitEndpoints("shop", "recommendations", e -> e.getSubsets() != null);
        assertThat(recommendations.getSubsets().getFirst().getAddresses()).isNull();
        assertThat(recommendations.getSubsets().getFirst().getNotReadyAddresses()).hasSize(1);
        assertThat(slice("shop", "recommendations").getEndpoints()).singleElement()
                .satisfies(e -> assertThat(e.getConditions().getReady()).isFalse());
    }

    @Test
    void aReplacedPodLeavesAndItsReplacementJoinsWhenReady() throws Exception {
        V1Pod old = SandboxPods.ready(sandbox, "default", "echo");
        awaitEndpoints("default", "echo", e -> addresses(e).contains(old.getMetadata().getName()));
        sandbox.store().delete(Resources.PODS, "default", old.getMetadata().getName());
        V1Endpoints after = awaitEndpoints("default", "echo", e -> !addresses(e).isEmpty()
                && !addresses(e).contains(old.getMetadata().getName()));
        assertThat(addresses(after)).singleElement().asString().startsWith("echo-");
        assertThat(after.getSubsets().getFirst().getPorts().getFirst().getPort()).isEqualTo(7);
    }

    private static List<String> addresses(V1Endpoints endpoints) {
        if (endpoints.getSubsets() == null || endpoints.getSubsets().getFirst().getAddresses() == null) {
            return List.of();
        }
        return endpoints.getSubsets().getFirst().getAddresses().stream()
                .map(V1EndpointAddress::getTargetRef).filter(Objects::nonNull).map(r -> r.getName()).toList();
    }

    private static V1EndpointSlice slice(String namespace, String service) {
        return sandbox.store().list(Resources.ENDPOINT_SLICES, namespace).items().stream().map(StoredObject::object)
                .filter(s -> service.equals(s.getMetadata().getLabels().get("kubernetes.io/service-name")))
                .findFirst().orElseThrow();
    }

    private static V1Endpoints awaitEndpoints(String namespace, String name, Predicate<V1Endpoints> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            var stored = sandbox.store().get(Resources.ENDPOINTS, namespace, name);
            if (stored.isPresent() && wanted.test(stored.get().object())) {
                return stored.get().object();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("endpoints " + namespace + "/" + name + " never reached the expected state: "
                + sandbox.store().get(Resources.ENDPOINTS, namespace, name).map(s -> s.object().toString()).orElse(""));
    }
}
