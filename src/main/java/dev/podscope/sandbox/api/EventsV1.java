package dev.podscope.sandbox.api;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.podscope.format.WireJson;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.EventsV1Event;
import io.kubernetes.client.openapi.models.EventsV1EventSeries;
import io.kubernetes.client.openapi.models.V1APIGroup;
import io.kubernetes.client.openapi.models.V1APIResource;
import io.kubernetes.client.openapi.models.V1APIResourceList;
import io.kubernetes.client.openapi.models.V1GroupVersionForDiscovery;
import org.eclipse.jetty.util.Fields;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code events.k8s.io/v1}: the stored core/v1 Events seen through the newer API, read-only (get, list, watch), with
 * the field names of that version (regarding, note, reportingController, deprecated* for the old count and
 * timestamps), converted as the API server's {@code pkg/apis/events/v1} conversion does.
 */
final class EventsV1 implements ObjectView {
    static final String GROUP = "events.k8s.io";
    static final String VERSION = "v1";
    static final EventsV1 VIEW = new EventsV1();
    private static final List<String> VERBS = List.of("get", "list", "watch");

    private EventsV1() {
    }

    static boolean serves(ApiPath path) {
        return GROUP.equals(path.group());
    }

    @Override
    public String apiVersion() {
        return GROUP + "/" + VERSION;
    }

    @Override
    public String kind() {
        return "Event";
    }

    @Override
    public byte[] json(byte[] stored) {
        CoreV1Event e = WireJson.gson().fromJson(new String(stored, StandardCharsets.UTF_8), CoreV1Event.class);
        JsonObject json = WireJson.gson().toJsonTree(convert(e)).getAsJsonObject();
        if (!json.has("eventTime")) {
            json.add("eventTime", JsonNull.INSTANCE); // a zero MicroTime, written as the API server writes it
        }
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    static EventsV1Event convert(CoreV1Event e) {
        EventsV1Event v1 = new EventsV1Event().apiVersion(GROUP + "/" + VERSION).kind("Event").metadata(e.getMetadata())
                .eventTime(e.getEventTime()).action(e.getAction()).reason(e.getReason()).type(e.getType())
                .note(e.getMessage()).regarding(e.getInvolvedObject()).related(e.getRelated())
                .reportingController(e.getReportingComponent()).reportingInstance(e.getReportingInstance())
                .deprecatedSource(e.getSource()).deprecatedFirstTimestamp(e.getFirstTimestamp())
                .deprecatedLastTimestamp(e.getLastTimestamp()).deprecatedCount(e.getCount());
        if (e.getSeries() != null) {
            v1.series(new EventsV1EventSeries().count(e.getSeries().getCount())
                    .lastObservedTime(e.getSeries().getLastObservedTime()));
        }
        return v1;
    }

    /**
     * The request's parameters with the field selector in core/v1 terms, as the API server converts field labels of
     * events.k8s.io ({@code regarding.name} is {@code involvedObject.name}, {@code reportingController} is
     * {@code reportingComponent}).
     */
    static Fields coreParams(Fields params) {
        String selector = params.getValue("fieldSelector");
        if (selector == null) {
            return params;
        }
        Fields converted = new Fields(true);
        params.forEach(field -> {
            if (!field.getName().equals("fieldSelector")) {
                field.getValues().forEach(v -> converted.add(field.getName(), v));
            }
        });
        converted.put("fieldSelector", selector.replace("regarding.", "involvedObject.")
                .replace("reportingController", "reportingComponent")
                .replace("deprecatedSource", "source"));
        return converted;
    }

    static V1APIGroup apiGroup() {
        V1GroupVersionForDiscovery version = new V1GroupVersionForDiscovery().groupVersion(GROUP + "/" + VERSION)
                .version(VERSION);
        return new V1APIGroup().kind("APIGroup").apiVersion("v1").name(GROUP).versions(List.of(version))
                .preferredVersion(version);
    }

    static V1APIResourceList apiResources() {
        return new V1APIResourceList().kind("APIResourceList").apiVersion("v1").groupVersion(GROUP + "/" + VERSION)
                .resources(List.of(new V1APIResource().name("events").singularName("event").namespaced(true)
                        .kind("Event").verbs(VERBS).shortNames(List.of("ev"))));
    }
}
