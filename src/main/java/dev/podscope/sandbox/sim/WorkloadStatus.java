package dev.podscope.sandbox.sim;

import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentCondition;
import io.kubernetes.client.openapi.models.V1DeploymentStatus;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1JobCondition;
import io.kubernetes.client.openapi.models.V1JobStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ReplicaSetStatus;
import io.kubernetes.client.openapi.models.V1UncountedTerminatedPods;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The status a ReplicaSet, Deployment or Job controller computes from the pods it owns. */
final class WorkloadStatus {
    private static final String TIMED_OUT = "ProgressDeadlineExceeded";
    private WorkloadStatus() {
    }

    static boolean active(V1Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() == null && !PodStatuses.isTerminal(pod);
    }

    static boolean ready(V1Pod pod) {
        return active(pod) && PodConditions.isTrue(pod, PodConditions.READY);
    }

    static V1ReplicaSetStatus replicaSet(V1ReplicaSet rs, List<V1Pod> owned) {
        int active = (int) owned.stream().filter(WorkloadStatus::active).count();
        int ready = (int) owned.stream().filter(WorkloadStatus::ready).count();
        return new V1ReplicaSetStatus().replicas(active).fullyLabeledReplicas(nonZero(active))
                .readyReplicas(nonZero(ready)).availableReplicas(nonZero(ready))
                .observedGeneration(rs.getMetadata().getGeneration());
    }

    /**
     * Counts over all the Deployment's ReplicaSets; the newest (highest revision) is the one being rolled out, and
     * the rollout is complete once it alone holds every desired replica, all available.
     */
    static V1DeploymentStatus deployment(V1Deployment deployment, List<V1ReplicaSet> replicaSets,
                                         OffsetDateTime now) {
        int replicas = 0;
        int ready = 0;
        int available = 0;
        int scaled = 0;
        for (V1ReplicaSet rs : replicaSets) {
            V1ReplicaSetStatus s = rs.getStatus();
            replicas += s == null ? 0 : s.getReplicas();
            ready += s == null || s.getReadyReplicas() == null ? 0 : s.getReadyReplicas();
            available += ReplicaSets.availableReplicas(rs);
            scaled += ReplicaSets.specReplicas(rs);
        }
        V1ReplicaSet newest = replicaSets.stream().max(Comparator.comparingInt(ReplicaSets::revision)).orElse(null);
        int updated = newest == null || newest.getStatus() == null ? 0 : newest.getStatus().getReplicas();
        int desired = ReplicaSets.desired(deployment);
        boolean isAvailable = available >= desired - ReplicaSets.maxUnavailable(desired);
        String rsName = newest == null ? deployment.getMetadata().getName() : newest.getMetadata().getName();
        List<V1DeploymentCondition> previous = deployment.getStatus() == null
                || deployment.getStatus().getConditions() == null ? List.of() : deployment.getStatus().getConditions();
        List<V1DeploymentCondition> conditions = new ArrayList<>();
        conditions.add(condition(previous, "Available", isAvailable,
                isAvailable ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                isAvailable ? "Deployment has minimum availability." : "Deployment does not have minimum availability.",
                now));
        boolean complete = updated == desired && replicas == desired && available >= desired;
        conditions.add(complete ? condition(previous, "Progressing", true, "NewReplicaSetAvailable",
                "ReplicaSet \"" + rsName + "\" has successfully progressed.", now)
                : progressing(deployment, previous, rsName, now));
        int unavailable = Math.max(0, scaled - available);
        return new V1DeploymentStatus().observedGeneration(deployment.getMetadata().getGeneration())
                .replicas(nonZero(replicas)).updatedReplicas(nonZero(updated)).readyReplicas(nonZero(ready))
                .availableReplicas(nonZero(available)).unavailableReplicas(nonZero(unavailable))
                .conditions(conditions);
    }

    static V1JobStatus job(V1Job job, List<V1Pod> owned, OffsetDateTime now) {
        V1JobStatus previous = job.getStatus() == null ? new V1JobStatus() : job.getStatus();
        int active = (int) owned.stream().filter(WorkloadStatus::active).count();
        int ready = (int) owned.stream().filter(WorkloadStatus::ready).count();
        int succeeded = count(owned, PodStatuses.SUCCEEDED);
        int failed = count(owned, PodStatuses.FAILED);
        int completions = job.getSpec().getCompletions() == null ? 1 : job.getSpec().getCompletions();
        int backoffLimit = job.getSpec().getBackoffLimit() == null ? 6 : job.getSpec().getBackoffLimit();
        V1JobStatus status = new V1JobStatus().startTime(previous.getStartTime() == null ? now : previous.getStartTime())
                .active(nonZero(active)).ready(ready).terminating(0)
                .succeeded(nonZero(Math.max(succeeded, zeroIfNull(previous.getSucceeded()))))
                .failed(nonZero(Math.max(failed, zeroIfNull(previous.getFailed()))))
                .uncountedTerminatedPods(new V1UncountedTerminatedPods())
                .completionTime(previous.getCompletionTime()).conditions(previous.getConditions());
        if (previous.getConditions() == null || previous.getConditions().isEmpty()) {
            if (zeroIfNull(status.getSucceeded()) >= completions) {
                status.completionTime(now).conditions(List.of(
                        jobCondition("SuccessCriteriaMet", "CompletionsReached",
                                "Reached expected number of succeeded pods", now),
                        jobCondition("Complete", "CompletionsReached", "Reached expected number of succeeded pods",
                                now)));
            } else if (zeroIfNull(status.getFailed()) > backoffLimit) {
                status.conditions(List.of(
                        jobCondition("FailureTarget", "BackoffLimitExceeded", "Job has reached the specified backoff limit", now),
                        jobCondition("Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit", now)));
            }
        }
        return status;
    }

    /**
     * A rollout that has not completed is progressing until {@code progressDeadlineSeconds} pass without progress,
     * then it has timed out, and stays so until it completes; the time out is dated when the deadline passed.
     */
    private static V1DeploymentCondition progressing(V1Deployment deployment, List<V1DeploymentCondition> previous,
                                                     String rsName, OffsetDateTime now) {
        V1DeploymentCondition old = previous.stream().filter(c -> "Progressing".equals(c.getType())).findFirst()
                .orElse(null);
        if (old != null && TIMED_OUT.equals(old.getReason())) {
            return old;
        }
        Integer configured = deployment.getSpec().getProgressDeadlineSeconds();
        boolean wasProgressing = old != null && old.getLastUpdateTime() != null
                && "ReplicaSetUpdated".equals(old.getReason());
        OffsetDateTime deadline = wasProgressing
                ? old.getLastUpdateTime().plusSeconds(configured == null ? 600 : configured) : null;
        if (deadline != null && deadline.isBefore(now)) {
            return new V1DeploymentCondition().type("Progressing").status("False").reason(TIMED_OUT)
                    .message("ReplicaSet \"" + rsName + "\" has timed out progressing.")
                    .lastUpdateTime(deadline).lastTransitionTime(deadline);
        }
        return condition(previous, "Progressing", true, "ReplicaSetUpdated",
                "ReplicaSet \"" + rsName + "\" is progressing.", now);
    }

    private static V1DeploymentCondition condition(List<V1DeploymentCondition> previous, String type, boolean value,
                                                   String reason, String message, OffsetDateTime now) {
        String text = value ? "True" : "False";
        V1DeploymentCondition old = previous.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
        boolean same = old != null && text.equals(old.getStatus()) && reason.equals(old.getReason());
        return new V1DeploymentCondition().type(type).status(text).reason(reason).message(message)
                .lastUpdateTime(same ? old.getLastUpdateTime() : now)
                .lastTransitionTime(old != null && text.equals(old.getStatus()) ? old.getLastTransitionTime() : now);
    }

    private static V1JobCondition jobCondition(String type, String reason, String message, OffsetDateTime now) {
        return new V1JobCondition().type(type).status("True").reason(reason).message(message)
                .lastProbeTime(now).lastTransitionTime(now);
    }

    private static int count(List<V1Pod> pods, String phase) {
        return (int) pods.stream().filter(p -> p.getStatus() != null && phase.equals(p.getStatus().getPhase())).count();
    }

    private static int zeroIfNull(Integer value) {
        return value == null ? 0 : value;
    }

    /** Controllers leave zero counts out of the status (omitempty), so do we. */
    private static Integer nonZero(int value) {
        return value == 0 ? null : value;
    }
}
