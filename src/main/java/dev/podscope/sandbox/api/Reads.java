package dev.podscope.sandbox.api;

import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.Snapshot;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.common.KubernetesObject;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** GET of one object and of lists, as plain JSON or as a Table. List items are the store's cached JSON bytes. */
final class Reads {
    private record Page(List<StoredObject<KubernetesObject>> items, long revision, String continueToken) {
    }

    private final ClusterStore store;

    Reads(ClusterStore store) {
        this.store = store;
    }

    void get(ResourceRequest request, Response response, Callback callback) {
        StoredObject<?> stored = store.get(request.type(), request.namespace(), request.name())
                .orElseThrow(() -> ApiError.notFound(request.type(), request.name()));
        byte[] json = request.view().json(stored.json());
        byte[] body = request.table()
                .map(f -> new TableWriter(request.type(), f, store.clock())
                        .eventTable(stored.object(), json, true))
                .orElse(json);
        Replies.json(response, callback, 200, body);
    }

    void list(ResourceRequest request, Response response, Callback callback) throws IOException {
        ListQuery query = request.query();
        Page page = page(store.list(request.typeErased(), request.namespace()), query);
        String revision = Long.toString(page.revision());
        var table = request.table().map(f -> new TableWriter(request.type(), f, store.clock(), request.view()));
        try (OutputStream out = Replies.stream(response, 200)) {
            if (table.isPresent()) {
                table.get().writeList(out, revision, page.continueToken(), page.items());
            } else {
                writeList(out, request, revision, page);
            }
        }
        callback.succeeded();
    }

    private static void writeList(OutputStream out, ResourceRequest request, String revision, Page page)
            throws IOException {
        StringBuilder header = new StringBuilder(160).append("{\"kind\":\"").append(request.view().kind())
                .append("List\",\"apiVersion\":\"").append(request.view().apiVersion())
                .append("\",\"metadata\":{\"resourceVersion\":\"").append(revision).append('"');
        if (page.continueToken() != null) {
            header.append(",\"continue\":\"").append(page.continueToken()).append('"');
        }
        out.write(header.append("},\"items\":[").toString().getBytes(StandardCharsets.UTF_8));
        List<StoredObject<KubernetesObject>> items = page.items();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(request.view().json(items.get(i).json()));
        }
        out.write("]}".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Selects and pages the snapshot. A continued list reports the revision of its first page, as the API server
     * does, so that a client watching from there sees every change made while it was paging.
     */
    private static Page page(Snapshot<KubernetesObject> snapshot, ListQuery query) {
        List<StoredObject<KubernetesObject>> all = snapshot.items();
        long revision = query.continueFrom() == null ? snapshot.revision() : query.continueFrom().revision();
        int start = query.continueFrom() == null ? 0 : firstAfter(all, query.continueFrom().lastKey());
        List<StoredObject<KubernetesObject>> items = new ArrayList<>();
        for (int i = start; i < all.size(); i++) {
            StoredObject<KubernetesObject> stored = all.get(i);
            if (query.matches(stored.object())) {
                items.add(stored);
                if (query.limit() > 0 && items.size() == query.limit() && i + 1 < all.size()) {
                    return new Page(items, revision, new ContinueToken(revision, key(stored.object())).encode());
                }
            }
        }
        return new Page(items, revision, null);
    }

    private static int firstAfter(List<StoredObject<KubernetesObject>> items, String lastKey) {
        int low = 0;
        int high = items.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (key(items.get(mid).object()).compareTo(lastKey) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The store's sort key: namespace/name, or /name for cluster-scoped objects. */
    private static String key(KubernetesObject object) {
        String namespace = object.getMetadata().getNamespace();
        return (namespace == null ? "" : namespace) + "/" + object.getMetadata().getName();
    }
}
