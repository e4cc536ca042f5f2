package dev.podscope.sandbox.api;

import java.util.Optional;

/**
 * A request for server-side printing: the client's Accept header asks for {@code as=Table;g=meta.k8s.io;v=v1}
 * (or v1beta1). {@code includeObject} says what each row carries: None, Metadata (the default) or Object.
 */
record TableFormat(String apiVersion, String includeObject) {

    static Optional<TableFormat> from(String accept, String includeObject) {
        if (accept == null) {
            return Optional.empty();
        }
        for (String mediaType : accept.split(",")) {
            String as = null;
            String group = null;
            String version = null;
            for (String param : mediaType.split(";")) {
                String[] kv = param.trim().split("=", 2);
                if (kv.length == 2) {
                    switch (kv[0]) {
                        case "as" -> as = kv[1];
                        case "g" -> group = kv[1];
                        case "v" -> version = kv[1];
                        default -> { }
                    }
                }
            }
            if ("Table".equals(as) && "meta.k8s.io".equals(group)
                    && ("v1".equals(version) || "v1beta1".equals(version))) {
                String include = includeObject == null || includeObject.isEmpty() ? "Metadata" : includeObject;
                return Optional.of(new TableFormat("meta.k8s.io/" + version, include));
            }
        }
        return Optional.empty();
    }
}
