package dev.podscope.sandbox.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one bearer token may do, as a user name and a list of denials. It stands in for RBAC so that tests can
 * provoke the API server's 403 replies; everything not denied is allowed.
 */
public final class AccessPolicy {
    private final String user;
    private final List<Denial> denials;

    private AccessPolicy(String user, List<Denial> denials) {
        this.user = Objects.requireNonNull(user, "user");
        this.denials = List.copyOf(denials);
    }

    public static AccessPolicy allowAll(String user) {
        return new AccessPolicy(user, List.of());
    }

    /**
     * A policy that also denies {@code verb} on {@code resource} (e.g. "pods" or "pods/log") in {@code namespace}.
     * Null for any of them means "any"; namespace "" means the cluster scope only.
     */
    public AccessPolicy deny(String verb, String resource, String namespace) {
        return with(new Denial(verb, resource, namespace, false));
    }

    /** A policy that also denies every request outside {@code namespace}, including cluster-scoped ones. */
    public AccessPolicy onlyNamespace(String namespace) {
        return with(new Denial(null, null, Objects.requireNonNull(namespace, "namespace"), true));
    }

    public String user() {
        return user;
    }

    /** Whether the user may perform {@code verb} on {@code resource}; {@code namespace} is null at the cluster scope. */
    public boolean allows(String verb, String resource, String namespace) {
        return denials.stream().noneMatch(d -> d.denies(verb, resource, namespace));
    }

    private AccessPolicy with(Denial denial) {
        List<Denial> all = new ArrayList<>(denials);
        all.add(denial);
        return new AccessPolicy(user, all);
    }

    private record Denial(String verb, String resource, String namespace, boolean outside) {
        boolean denies(String requestVerb, String requestResource, String requestNamespace) {
            if (outside) {
                return !namespace.equals(requestNamespace);
            }
            return (verb == null || verb.equals(requestVerb))
                    && (resource == null || resource.equals(requestResource))
                    && (namespace == null || namespace.equals(requestNamespace == null ? "" : requestNamespace));
        }
    }
}
