package dev.podscope.probes;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;

import java.time.Duration;

/** The pod and container a probe runs against, and its timeoutSeconds. */
record ProbeTarget(V1Pod pod, V1Container container, Duration timeout) {
    String namespace() {
        return pod.getMetadata().getNamespace();
    }

    String podName() {
        return pod.getMetadata().getName();
    }

    /** The pod's IP, as the kubelet dials it (and as the default Host); the pod's name before it has one. */
    String host() {
        String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
        return ip == null || ip.isEmpty() ? podName() : ip;
    }

    String timeoutText() {
        return timeout.toSeconds() + "s";
    }
}
