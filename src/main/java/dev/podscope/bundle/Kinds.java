package dev.podscope.bundle;

import java.util.List;

/** The namespaced workload kinds a bundle lists in full, with the API path and list kind of each. */
record Kinds(String plural, String apiPrefix, String listKind, String apiVersion) {
    static final List<Kinds> WORKLOADS = List.of(
            new Kinds("deployments", "/apis/apps/v1", "DeploymentList", "apps/v1"),
            new Kinds("replicasets", "/apis/apps/v1", "ReplicaSetList", "apps/v1"),
            new Kinds("statefulsets", "/apis/apps/v1", "StatefulSetList", "apps/v1"),
            new Kinds("daemonsets", "/apis/apps/v1", "DaemonSetList", "apps/v1"),
            new Kinds("jobs", "/apis/batch/v1", "JobList", "batch/v1"),
            new Kinds("services", "/api/v1", "ServiceList", "v1"),
            new Kinds("endpointslices", "/apis/discovery.k8s.io/v1", "EndpointSliceList", "discovery.k8s.io/v1"));

    String path(String namespace) {
        return apiPrefix + "/namespaces/" + namespace + "/" + plural;
    }
}
