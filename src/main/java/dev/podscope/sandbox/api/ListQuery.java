package dev.podscope.sandbox.api;

import dev.podscope.kube.LabelSelector;
import dev.podscope.sandbox.store.ResourceType;
import io.kubernetes.client.common.KubernetesObject;
import org.eclipse.jetty.util.Fields;

import java.time.Duration;

/** The query parameters of a list or watch: selectors, paging, resourceVersion, timeout and bookmarks. */
record ListQuery(LabelSelector labels, FieldSelector fields, long limit, ContinueToken continueFrom,
                 String resourceVersion, Duration timeout, boolean bookmarks) {

    static ListQuery parse(ResourceType<?> type, Fields params, String pinnedName) {
        LabelSelector labels;
        try {
            String text = params.getValue("labelSelector");
            labels = LabelSelector.parse(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        String fieldSelector = params.getValue("fieldSelector");
        if (pinnedName != null) {
            String pin = "metadata.name=" + pinnedName;
            fieldSelector = fieldSelector == null || fieldSelector.isBlank() ? pin : pin + "," + fieldSelector;
        }
        FieldSelector fields = FieldSelector.parse(type, fieldSelector);
        String continueValue = params.getValue("continue");
        String resourceVersion = params.getValue("resourceVersion");
        if (continueValue != null && !continueValue.isEmpty() && resourceVersion != null && !resourceVersion.isEmpty()
                && !resourceVersion.equals("0")) {
            throw ApiError.badRequest("specifying resource version is not allowed when using continue");
        }
        ContinueToken continueFrom =
                continueValue == null || continueValue.isEmpty() ? null : ContinueToken.decode(continueValue);
        long timeoutSeconds = number(params, "timeoutSeconds");
        return new ListQuery(labels, fields, Math.max(0, number(params, "limit")), continueFrom,
                resourceVersion == null ? "" : resourceVersion,
                timeoutSeconds > 0 ? Duration.ofSeconds(timeoutSeconds) : null, flag(params, "allowWatchBookmarks"));
    }

    static boolean flag(Fields params, String name) {
        String value = params.getValue(name);
        return "true".equals(value) || "1".equals(value);
    }

    boolean selectsEverything() {
        return labels.isEmpty() && fields.isEverything();
    }

    boolean matches(KubernetesObject object) {
        return labels.matches(object.getMetadata().getLabels()) && fields.matches(object);
    }

    /** The resourceVersion as a revision; "" and "0" (meaning "any") are 0. */
    long revision() {
        if (resourceVersion.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(resourceVersion);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid resource version: \"" + resourceVersion + "\"");
        }
    }

    private static long number(Fields params, String name) {
        String value = params.getValue(name);
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid value for " + name + ": \"" + value + "\"");
        }
    }
}
