package dev.podscope.sandbox.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatchesTest {
    private static final String POD = """
            {"metadata":{"name":"p","labels":{"a":"1","b":"2"},"finalizers":["x","y"]},
             "spec":{"containers":[{"name":"app","image":"nginx:1","ports":[{"containerPort":80}]},
                                   {"name":"side","image":"envoy:1"}]}}""";

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "application/merge-patch+json | {\"metadata\":{\"labels\":{\"a\":null,\"c\":\"3\"}}} "
                    + "| {\"a\":null,\"b\":\"2\",\"c\":\"3\"} | metadata.labels",
            "application/merge-patch+json | {\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"nginx:2\"}]}} "
                    + "| [{\"name\":\"app\",\"image\":\"nginx:2\"}] | spec.containers",
            "application/strategic-merge-patch+json | {\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"nginx:2\"}]}} "
                    + "| [{\"name\":\"app\",\"image\":\"nginx:2\",\"ports\":[{\"containerPort\":80}]},{\"name\":\"side\",\"image\":\"envoy:1\"}] "
                    + "| spec.containers",
            "application/strategic-merge-patch+json | {\"spec\":{\"containers\":[{\"name\":\"side\",\"$patch\":\"delete\"},{\"name\":\"new\",\"image\":\"busybox\"}]}} "
                    + "| [{\"name\":\"app\",\"image\":\"nginx:1\",\"ports\":[{\"containerPort\":80}]},{\"name\":\"new\",\"image\":\"busybox\"}] "
                    + "| spec.containers",
            "application/strategic-merge-patch+json | {\"metadata\":{\"$deleteFromPrimitiveList/finalizers\":[\"x\"]}} "
                    + "| [\"y\"] | metadata.finalizers",
            "application/strategic-merge-patch+json | {\"metadata\":{\"labels\":{\"$patch\":\"replace\",\"z\":\"9\"}}} "
                    + "| {\"z\":\"9\"} | metadata.labels",
            "application/json-patch+json | [{\"op\":\"replace\",\"path\":\"/spec/containers/1/image\",\"value\":\"envoy:2\"}] "
                    + "| \"envoy:2\" | spec.containers.1.image",
            "application/json-patch+json | [{\"op\":\"remove\",\"path\":\"/metadata/finalizers/0\"},{\"op\":\"add\",\"path\":\"/metadata/finalizers/-\",\"value\":\"z\"}] "
                    + "| [\"y\",\"z\"] | metadata.finalizers",
            "application/json-patch+json | [{\"op\":\"move\",\"from\":\"/metadata/labels/a\",\"path\":\"/metadata/labels/c\"}] "
                    + "| {\"b\":\"2\",\"c\":\"1\"} | metadata.labels",
            "application/json-patch+json | [{\"op\":\"test\",\"path\":\"/metadata/name\",\"value\":\"p\"},{\"op\":\"copy\",\"from\":\"/metadata/name\",\"path\":\"/metadata/generateName\"}] "
                    + "| \"p\" | metadata.generateName",
    })
    void appliesPatches(String contentType, String patch, String expected, String path) {
        JsonObject result = Patches.apply(contentType, JsonParser.parseString(POD).getAsJsonObject(),
                patch.getBytes(StandardCharsets.UTF_8));
        JsonElement at = result;
        for (String part : path.split("\\.")) {
            at = at.isJsonArray() ? at.getAsJsonArray().get(Integer.parseInt(part)) : at.getAsJsonObject().get(part);
        }
        JsonElement wanted = JsonParser.parseString(expected);
        if (wanted.isJsonObject()) {
            wanted.getAsJsonObject().entrySet().removeIf(e -> e.getValue().isJsonNull());
        }
        assertThat(at).isEqualTo(wanted);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "application/apply-patch+yaml | metadata: {} | 415",
            "application/xml | <x/> | 415",
            "application/json-patch+json | [{\"op\":\"test\",\"path\":\"/metadata/name\",\"value\":\"q\"}] | 422",
            "application/json-patch+json | [{\"op\":\"remove\",\"path\":\"/spec/missing\"}] | 422",
            "application/json-patch+json | {\"op\":\"add\"} | 400",
            "application/merge-patch+json | [1] | 400",
    })
    void refusesBadPatches(String contentType, String patch, int code) {
        assertThatThrownBy(() -> Patches.apply(contentType, JsonParser.parseString(POD).getAsJsonObject(),
                patch.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
