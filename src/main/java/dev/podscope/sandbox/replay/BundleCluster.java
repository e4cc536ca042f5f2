package dev.podscope.sandbox.replay;

import dev.podscope.bundle.BundleException;
import dev.podscope.bundle.BundleReader;
import dev.podscope.sandbox.store.ClusterStore;
import dev.podscope.sandbox.store.NewObject;
import dev.podscope.sandbox.store.ResourceType;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoreException;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A cluster store holding a bundle's objects as they were at capture, with no simulator: its clock stands still at
 * the capture time, so ages, "x ago" and Table rows print as they did then. Objects keep their uids and timestamps;
 * resourceVersions are the store's own.
 */
final class BundleCluster {
    private BundleCluster() {
    }

    static ClusterStore load(BundleReader bundle) {
        Clock frozen = Clock.fixed(bundle.manifest().createdAt(), ZoneOffset.UTC);
        ClusterStore store = new ClusterStore(frozen, 1_000, 1);
        List<NewObject<?>> batch = new ArrayList<>();
        Set<String> namespaces = new LinkedHashSet<>();
        for (V1Namespace namespace : bundle.items("cluster/namespaces.json", V1Namespace.class)) {
            namespaces.add(namespace.getMetadata().getName());
            batch.add(new NewObject<>(Resources.NAMESPACES, namespace));
        }
        for (String namespace : bundle.namespaces()) {
            if (namespaces.add(namespace)) {
                // objects of a namespace the capture could not list as such still need it to exist
                batch.add(new NewObject<>(Resources.NAMESPACES,
                        new V1Namespace().metadata(new V1ObjectMeta().name(namespace))));
            }
        }
        add(batch, bundle, "cluster/nodes.json", Resources.NODES);
        for (String namespace : bundle.namespaces()) {
            for (ResourceType<?> type : Resources.all()) {
                if (type.namespaced()) {
                    add(batch, bundle, "namespaces/" + namespace + "/" + type.plural() + ".json", type);
                }
            }
        }
        try {
            store.createAll(batch);
        } catch (StoreException e) {
            throw new BundleException(bundle.file().getFileName() + " cannot be served: " + e.getMessage(), e);
        }
        return store;
    }

    private static <T extends KubernetesObject> void add(List<NewObject<?>> batch, BundleReader bundle, String path,
                                                         ResourceType<T> type) {
        for (T object : bundle.items(path, type.javaType())) {
            batch.add(new NewObject<>(type, object));
        }
    }
}
