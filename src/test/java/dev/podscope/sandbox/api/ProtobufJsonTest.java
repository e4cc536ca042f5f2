package dev.podscope.sandbox.api;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.Message;
import io.kubernetes.client.proto.IntStr;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Resource;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProtobufJsonTest {
    @Test
    void decodesAPodAsGoWouldWriteItAsJson() {
        V1.Pod pod = V1.Pod.newBuilder()
                .setMetadata(Meta.ObjectMeta.newBuilder().setName("web").setNamespace("shop").setGenerateName("")
                        .setGeneration(0).putLabels("app", "web").setCreationTimestamp(Meta.Time.newBuilder()))
                .setSpec(V1.PodSpec.newBuilder().setHostNetwork(false).setTerminationGracePeriodSeconds(0)
                        .addContainers(V1.Container.newBuilder().setName("app").setImage("nginx").setStdin(false)
                                .setResources(V1.ResourceRequirements.newBuilder()
                                        .putLimits("cpu", Resource.Quantity.newBuilder().setString("250m").build()))
                                .setReadinessProbe(V1.Probe.newBuilder().setHandler(V1.ProbeHandler.newBuilder()
                                        .setHttpGet(V1.HTTPGetAction.newBuilder().setPath("/ready").setPort(
                                                IntStr.IntOrString.newBuilder().setType(1).setStrVal("http")))))))
                .build();
        JsonObject json = ProtobufJson.parseObject(envelope("v1", "Pod", pod));
        assertThat(json).isEqualTo(JsonParser.parseString("""
                {"metadata":{"name":"web","namespace":"shop","labels":{"app":"web"}},
                 "spec":{"terminationGracePeriodSeconds":0,
                         "containers":[{"name":"app","image":"nginx","resources":{"limits":{"cpu":"250m"}},
                                        "readinessProbe":{"httpGet":{"path":"/ready","port":"http"}}}]},
                 "apiVersion":"v1","kind":"Pod"}"""));
    }

    @Test
    void keepsExplicitZeroReplicasAndFindsGroupedKinds() {
        V1Apps.Deployment deployment = V1Apps.Deployment.newBuilder()
                .setMetadata(Meta.ObjectMeta.newBuilder().setName("web"))
                .setSpec(V1Apps.DeploymentSpec.newBuilder().setReplicas(0).setMinReadySeconds(0))
                .build();
        JsonObject json = ProtobufJson.parseObject(envelope("apps/v1", "Deployment", deployment));
        assertThat(json.getAsJsonObject("spec")).isEqualTo(JsonParser.parseString("{\"replicas\":0}"));
        assertThat(json.get("kind").getAsString()).isEqualTo("Deployment");
    }

    @Test
    void refusesBodiesWithoutTheEnvelope() {
        assertThatThrownBy(() -> ProtobufJson.parseObject("{}".getBytes()))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(400));
    }

    private static byte[] envelope(String apiVersion, String kind, Message object) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{'k', '8', 's', 0});
        out.writeBytes(Runtime.Unknown.newBuilder()
                .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion(apiVersion).setKind(kind))
                .setRaw(object.toByteString()).setContentType("application/vnd.kubernetes.protobuf")
                .build().toByteArray());
        return out.toByteArray();
    }
}
