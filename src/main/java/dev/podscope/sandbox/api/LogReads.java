package dev.podscope.sandbox.api;

import dev.podscope.sandbox.logs.LogQuery;
import dev.podscope.sandbox.logs.LogRefusal;
import dev.podscope.sandbox.logs.LogReply;
import dev.podscope.sandbox.logs.LogSource;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.openapi.models.V1Pod;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** GET of a pod's {@code log} subresource: plain text, written line by line as it comes when following. */
final class LogReads {
    static final String SUBRESOURCE = "log";
    private static final int BUFFER = 16 * 1024;

    private final ClusterStore store;
    private final LogSource logs;

    LogReads(ClusterStore store, LogSource logs) {
        this.store = store;
        this.logs = logs;
    }

    void get(ResourceRequest request, Response response, Callback callback) throws IOException {
        V1Pod pod = store.get(Resources.PODS, request.namespace(), request.name()).map(StoredObject::object)
                .orElseThrow(() -> ApiError.notFound(Resources.PODS, request.name()));
        LogReply log;
        try {
            log = logs.open(pod, LogQuery.parse(request.params()::getValue, request.name()));
        } catch (LogRefusal e) {
            throw new ApiError(e.code(), e.reason(), e.getMessage(), null, e.code() == 422 ? request.name() : null);
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
        try (OutputStream out = new BufferedOutputStream(Content.Sink.asOutputStream(response), BUFFER)) {
            log.writeTo(out);
        }
        callback.succeeded();
    }

    /** Ends the logs being followed. */
    void closeAll() {
        logs.closeAll();
    }
}
