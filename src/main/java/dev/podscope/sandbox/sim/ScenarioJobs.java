package dev.podscope.sandbox.sim;

import dev.podscope.sandbox.store.Resources;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1JobSpec;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The batch namespace: a Job running now, a Job that completed hours ago, and a pod that was OOM-killed. */
final class ScenarioJobs {
    static final int COUNT = 3;

    private ScenarioJobs() {
    }

    static void create(PopulationContext p, Map<Scenario, PodRef> scenarios, List<PodRef> pending) {
        OffsetDateTime reportStart = p.ago(Duration.ofMinutes(p.naming().between(5 * 60, 9 * 60)));
        V1Pod report = job(p, "nightly-report", reportStart, () -> Templates.template(Map.of(), "default",
                Templates.container("report", "registry.example.com/batch/report:v1.2.0")
                        .args(List.of("--since", "24h", "--out", "s3://reports/nightly"))
                        .resources(Templates.resources("250m", "256Mi", null, "512Mi"))), (pod, created) ->
                p.steady().finished(pod, p.worker(), created, p.naming().between(120, 400), 0, "Completed"));
        scenarios.put(Scenario.JOB_COMPLETED, DemoApps.ref(report));

        V1Pod backup = job(p, "db-backup", p.now().minusSeconds(1), () -> Templates.withBehavior(
                Templates.template(Map.of(), "default",
                        Templates.container("backup", "registry.example.com/batch/db-backup:v0.9.2")
                                .args(List.of("--database", "orders", "--target", "s3://backups/orders"))
                                .resources(Templates.resources("200m", "256Mi", null, "512Mi"))),
                Behavior.COMPLETES), (pod, created) -> { });
        scenarios.put(Scenario.JOB_RUNS_TO_COMPLETION, DemoApps.ref(backup));
        pending.add(DemoApps.ref(backup));

        V1PodTemplateSpec t = Templates.withBehavior(Templates.template(Templates.appLabels("import-orders"),
                "default", Templates.container("import", "registry.example.com/batch/import-orders:v2.0.1")
                        .args(List.of("--file", "s3://imports/orders-2024.csv"))
                        .resources(Templates.resources("500m", "256Mi", null, "256Mi"))), Behavior.OOM_KILLED);
        t.getSpec().restartPolicy("Never");
        V1Pod failed = PodFactory.fromTemplate(t, "batch", "import-orders", null, null, p.naming());
        OffsetDateTime created = p.ago(Duration.ofMinutes(p.naming().between(60, 240)));
        failed.getMetadata().setCreationTimestamp(created);
        p.steady().finished(failed, p.worker(), created, p.naming().between(40, 200), 137, "OOMKilled");
        p.create(Resources.PODS, failed);
        scenarios.put(Scenario.FAILED, DemoApps.ref(failed));
    }

    private interface PodState {
        void apply(V1Pod pod, OffsetDateTime created);
    }

    /** A Job and its one pod (restartPolicy Never), the pod shaped by {@code state} before both are written. */
    private static V1Pod job(PopulationContext p, String name, OffsetDateTime created,
                             Supplier<V1PodTemplateSpec> template, PodState state) {
        String uid = p.naming().uid();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("batch.kubernetes.io/controller-uid", uid);
        labels.put("batch.kubernetes.io/job-name", name);
        labels.put("controller-uid", uid);
        labels.put("job-name", name);
        V1Job job = new V1Job().apiVersion("batch/v1").kind("Job")
                .metadata(new V1ObjectMeta().name(name).namespace("batch").uid(uid).generation(1L)
                        .creationTimestamp(created).labels(Map.of("app", name)))
                .spec(new V1JobSpec().backoffLimit(6).completionMode("NonIndexed").completions(1).parallelism(1)
                        .manualSelector(false).podReplacementPolicy("TerminatingOrFailed").suspend(false)
                        .selector(new V1LabelSelector().matchLabels(Map.of("batch.kubernetes.io/controller-uid", uid)))
                        .template(labelled(template.get(), labels)));
        V1Pod pod = PodFactory.fromTemplate(labelled(template.get(), labels), "batch",
                name + "-" + p.naming().suffix(), name + "-",
                Owners.controller("batch/v1", "Job", name, uid), p.naming());
        pod.getMetadata().setCreationTimestamp(created);
        state.apply(pod, created);
        OffsetDateTime statusTime = PodStatuses.isTerminal(pod)
                ? pod.getStatus().getContainerStatuses().getFirst().getState().getTerminated().getFinishedAt()
                : created;
        V1Job withStart = job.status(WorkloadStatus.job(job, List.of(), created));
        job.setStatus(WorkloadStatus.job(withStart, List.of(pod), statusTime));
        p.create(Resources.JOBS, job);
        p.create(Resources.PODS, pod);
        return pod;
    }

    private static V1PodTemplateSpec labelled(V1PodTemplateSpec template, Map<String, String> labels) {
        template.getMetadata().setLabels(new LinkedHashMap<>(labels));
        template.getSpec().restartPolicy("Never");
        return template;
    }
}
