package dev.podscope.sandbox.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A resource URL taken apart: {@code /api/v1/namespaces/NS/pods/NAME/SUB}, {@code /apis/G/V/...}, the cluster-wide
 * forms without {@code namespaces/NS}, and the legacy {@code .../watch/...} prefix.
 */
record ApiPath(String group, String version, String namespace, String plural, String name, String subresource,
               boolean legacyWatch) {

    private static final List<String> NAMESPACE_SUBRESOURCES = List.of("status", "finalize");

    /** The resource path, or empty when {@code path} is not one (discovery, health and unknown paths). */
    static Optional<ApiPath> parse(String path) {
        List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        if (segments.size() >= 3 && segments.get(0).equals("api")) {
            return parseRest("", segments.get(1), segments.subList(2, segments.size()));
        }
        if (segments.size() >= 4 && segments.get(0).equals("apis")) {
            return parseRest(segments.get(1), segments.get(2), segments.subList(3, segments.size()));
        }
        return Optional.empty();
    }

    private static Optional<ApiPath> parseRest(String group, String version, List<String> rest) {
        boolean watch = rest.getFirst().equals("watch");
        List<String> r = watch ? rest.subList(1, rest.size()) : rest;
        if (r.isEmpty()) {
            return Optional.empty();
        }
        boolean namespaceObject = r.getFirst().equals("namespaces")
                && (r.size() <= 2 || r.size() == 3 && NAMESPACE_SUBRESOURCES.contains(r.get(2)));
        if (r.getFirst().equals("namespaces") && !namespaceObject) {
            return resource(group, version, r.get(1), r.subList(2, r.size()), watch);
        }
        return resource(group, version, null, r, watch);
    }

    private static Optional<ApiPath> resource(String group, String version, String namespace, List<String> r,
                                              boolean watch) {
        if (r.isEmpty() || r.size() > 3) {
            return Optional.empty();
        }
        String name = r.size() > 1 ? r.get(1) : null;
        String subresource = r.size() > 2 ? r.get(2) : null;
        return Optional.of(new ApiPath(group, version, namespace, r.getFirst(), name, subresource, watch));
    }
}
