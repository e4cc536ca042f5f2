package dev.podscope.sandbox.api;

import dev.podscope.sandbox.store.ResourceType;

/**
 * How the stored objects of a type appear on one API path: as stored, or converted to another API group's version
 * of the same kind (events.k8s.io/v1 Events are the stored core/v1 Events, as on a real API server).
 */
interface ObjectView {

    String apiVersion();

    String kind();

    /** The object's JSON on this path, from the stored JSON. */
    byte[] json(byte[] stored);

    static ObjectView stored(ResourceType<?> type) {
        return new ObjectView() {
            @Override
            public String apiVersion() {
                return type.apiVersion();
            }

            @Override
            public String kind() {
                return type.kind();
            }

            @Override
            public byte[] json(byte[] stored) {
                return stored;
            }
        };
    }
}
