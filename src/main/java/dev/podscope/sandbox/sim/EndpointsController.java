package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoreException;
import dev.podscope.sandbox.store.StoredObject;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Service;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The endpoints and endpointslice controllers: for every Service with a selector, an Endpoints object and one
 * EndpointSlice listing the matching pods that have an IP — ready ones as addresses, the others as not ready or
 * terminating — kept up to date as pods become ready, fail their probes, are replaced or deleted. Runs on the
 * simulator thread, woken by pod changes; only Services in the changed pod's namespace are looked at.
 */
final class EndpointsController {
    private final SimContext ctx;

    EndpointsController(SimContext ctx) {
        this.ctx = ctx;
    }

    void podChanged(V1Pod pod) {
        String namespace = pod.getMetadata().getNamespace();
        Map<String, String> labels = pod.getMetadata().getLabels();
        for (StoredObject<V1Service> stored : ctx.store().list(Resources.SERVICES, namespace).items()) {
            Map<String, String> selector = selector(stored.object());
            if (selector != null && labels != null && labels.entrySet().containsAll(selector.entrySet())) {
                sync(stored.object());
            }
        }
    }

    /** Brings every Service's endpoints up to date (at start, and after the pod watch lost track). */
    void resync() {
        for (StoredObject<V1Service> stored : ctx.store().list(Resources.SERVICES, null).items()) {
            if (selector(stored.object()) != null) {
                sync(stored.object());
            }
        }
    }

    private void sync(V1Service service) {
        String namespace = service.getMetadata().getNamespace();
        Map<String, String> selector = selector(service);
        List<V1Pod> pods = ctx.store().list(Resources.PODS, namespace).items().stream().map(StoredObject::object)
                .filter(p -> p.getMetadata().getLabels() != null
                        && p.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                .toList();
        ServiceEndpoints desired = ServiceEndpoints.of(service, pods, ctx.timeline().now());
        write(Resources.ENDPOINTS, desired.endpoints(), (current, wanted) ->
                Objects.equals(current.getSubsets(), wanted.getSubsets()), (current, wanted) -> {
                    current.setSubsets(wanted.getSubsets());
                    current.getMetadata().setAnnotations(wanted.getMetadata().getAnnotations());
                    return current;
                });
        write(Resources.ENDPOINT_SLICES, desired.slice(), (current, wanted) ->
                Objects.equals(current.getEndpoints(), wanted.getEndpoints())
                        && Objects.equals(current.getPorts(), wanted.getPorts()), (current, wanted) -> {
                    current.setEndpoints(wanted.getEndpoints());
                    current.setPorts(wanted.getPorts());
                    return current;
                });
    }

    private <T extends io.kubernetes.client.common.KubernetesObject> void write(
            dev.podscope.sandbox.store.ResourceType<T> type, T wanted,
            java.util.function.BiPredicate<T, T> same, java.util.function.BinaryOperator<T> update) {
        String namespace = wanted.getMetadata().getNamespace();
        String name = wanted.getMetadata().getName();
        try {
            if (ctx.store().get(type, namespace, name).isEmpty()) {
                ctx.store().create(type, wanted);
            } else {
                ctx.store().modify(type, namespace, name, current -> same.test(current, wanted) ? null
                        : update.apply(current, wanted));
            }
        } catch (StoreException raced) {
            // deleted or created by a client meanwhile: the next pod change brings it in line again
        }
    }

    private static Map<String, String> selector(V1Service service) {
        Map<String, String> selector = service.getSpec() == null ? null : service.getSpec().getSelector();
        return selector == null || selector.isEmpty() ? null : selector;
    }
}
