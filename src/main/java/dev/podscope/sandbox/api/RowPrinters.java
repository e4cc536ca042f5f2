package dev.podscope.sandbox.api;

import dev.podscope.format.ConfigPrinters;
import dev.podscope.format.DefaultPrinter;
import dev.podscope.format.EventPrinter;
import dev.podscope.format.NamespacePrinter;
import dev.podscope.format.NodePrinter;
import dev.podscope.format.PodPrinter;
import dev.podscope.format.ResourcePrinter;
import dev.podscope.sandbox.store.ResourceType;
import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.common.KubernetesObject;

import java.util.Map;

/** The format package's printer for each resource type's Table; the API server's default for the rest. */
final class RowPrinters {
    private static final Map<ResourceType<?>, ResourcePrinter<?>> PRINTERS = Map.of(
            Resources.PODS, new PodPrinter(),
            Resources.NAMESPACES, new NamespacePrinter(),
            Resources.NODES, new NodePrinter(),
            Resources.EVENTS, new EventPrinter(),
            Resources.SECRETS, new ConfigPrinters.SecretPrinter(),
            Resources.CONFIG_MAPS, new ConfigPrinters.ConfigMapPrinter());
    private static final ResourcePrinter<KubernetesObject> DEFAULT = new DefaultPrinter();

    private RowPrinters() {
    }

    /** The printer for {@code type}; its objects are always of the type's Java class, so the cast holds. */
    @SuppressWarnings("unchecked")
    static ResourcePrinter<KubernetesObject> forType(ResourceType<?> type) {
        return (ResourcePrinter<KubernetesObject>) PRINTERS.getOrDefault(type, DEFAULT);
    }
}
