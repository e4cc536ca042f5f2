package dev.podscope.sandbox.store;

import io.kubernetes.client.common.KubernetesObject;

import java.util.List;

/** A consistent list of objects (sorted by namespace, then name) and the revision it was taken at. */
public record Snapshot<T extends KubernetesObject>(List<StoredObject<T>> items, long revision) {
}
