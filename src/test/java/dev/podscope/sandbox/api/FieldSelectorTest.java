package dev.podscope.sandbox.api;

import dev.podscope.sandbox.SandboxFixtures;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldSelectorTest {
    private static final V1Pod POD = SandboxFixtures.runningPod("shop", "web-0", "node-1", Map.of());
    private static final CoreV1Event EVENT = SandboxFixtures.podEvent(POD, "web-0.1", "Pulled", "pulled");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "metadata.name=web-0                         | true",
            "metadata.name==web-0                        | true",
            "metadata.name!=web-0                        | false",
            "metadata.namespace=shop,spec.nodeName=node-1 | true",
            "spec.nodeName=node-2                        | false",
            "spec.nodeName!=                             | true",
            "status.phase=Running                        | true",
            "status.phase!=Running                       | false",
            "spec.restartPolicy=Always                   | true",
            "status.nominatedNodeName=                   | true",
    })
    void selectsPods(String selector, boolean matches) {
        assertThat(FieldSelector.parse(Resources.PODS, selector).matches(POD)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "involvedObject.kind=Pod,involvedObject.name=web-0 | true",
            "involvedObject.namespace=shop                     | true",
            "involvedObject.name=web-1                         | false",
            "reason=Pulled,type=Normal                         | true",
            "source=kubelet                                    | true",
            "involvedObject.fieldPath=                         | true",
    })
    void selectsEvents(String selector, boolean matches) {
        assertThat(FieldSelector.parse(Resources.EVENTS, selector).matches(EVENT)).isEqualTo(matches);
    }

    @Test
    void unescapesValues() {
        V1Pod odd = SandboxFixtures.runningPod("shop", "a,b=c", "node-1", Map.of());
        assertThat(FieldSelector.parse(Resources.PODS, "metadata.name=a\\,b\\=c").matches(odd)).isTrue();
    }

    @Test
    void rejectsFieldsTheTypeDoesNotSupport() {
        assertThatThrownBy(() -> FieldSelector.parse(Resources.NODES, "spec.nodeName=x"))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.code()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("field label not supported: spec.nodeName");
                });
        assertThatThrownBy(() -> FieldSelector.parse(Resources.PODS, "metadata.name"))
                .isInstanceOf(ApiError.class);
    }
}
