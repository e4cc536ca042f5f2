package dev.podscope.format;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The output of {@code kubectl get KIND [-A] [-o wide]} for objects already in hand. */
public final class GetTable {

    private static final PodPrinter PODS = new PodPrinter();

    private GetTable() {
    }

    public static GetOutput pods(List<V1Pod> pods, Instant now, GetScope scope, boolean wide) {
        return render(PODS, pods, now, scope, wide);
    }

    public static <T extends KubernetesObject> GetOutput render(ResourcePrinter<T> printer, List<T> items, Instant now,
                                                                GetScope scope, boolean wide) {
        if (items.isEmpty()) {
            return new GetOutput("", scope.noResourcesMessage());
        }
        List<List<Object>> rows = new ArrayList<>(items.size());
        List<String> namespaces = scope.allNamespaces() ? new ArrayList<>(items.size()) : null;
        for (T item : items) {
            rows.add(printer.cells(item, now));
            if (namespaces != null) {
                namespaces.add(item.getMetadata() == null ? "" : Text.orEmpty(item.getMetadata().getNamespace()));
            }
        }
        return new GetOutput(TextTable.render(printer.columns(), rows, namespaces, wide), "");
    }
}
