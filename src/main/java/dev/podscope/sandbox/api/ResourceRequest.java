package dev.podscope.sandbox.api;

import dev.podscope.sandbox.store.ResourceType;
import io.kubernetes.client.common.KubernetesObject;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** An authorized request for one resource type: where it points, the verb, and its parameters. */
record ResourceRequest(Request http, ResourceType<?> type, String namespace, String name, String subresource,
                       String verb, Fields params, ObjectView view) {
    /** The API server's limit on request bodies. */
    private static final int MAX_BODY = 3 * 1024 * 1024;

    /** The list or watch parameters; a legacy {@code /watch/.../NAME} watch selects that one object. */
    ListQuery query() {
        return ListQuery.parse(type, params, verb.equals("watch") ? name : null);
    }

    Optional<TableFormat> table() {
        return TableFormat.from(http.getHeaders().get(HttpHeader.ACCEPT), params.getValue("includeObject"));
    }

    String contentType() {
        String value = http.getHeaders().get(HttpHeader.CONTENT_TYPE);
        return value == null ? "" : value.split(";")[0].trim();
    }

    byte[] body() throws IOException {
        try (InputStream in = Content.Source.asInputStream(http)) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new ApiError(413, "RequestEntityTooLarge", "the request body is larger than 3 MiB", null, null);
            }
            return body;
        }
    }

    @SuppressWarnings("unchecked")
    ResourceType<KubernetesObject> typeErased() {
        return (ResourceType<KubernetesObject>) type;
    }
}
