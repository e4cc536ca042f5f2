package dev.podscope.describe;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EphemeralContainer;
import java.util.ArrayList;
import java.util.List;

/** Ephemeral containers described as containers, as describe.go converts them. */
final class EphemeralContainers {

    private EphemeralContainers() {
    }

    static List<V1Container> asContainers(List<V1EphemeralContainer> ephemeral) {
        List<V1Container> result = new ArrayList<>();
        for (V1EphemeralContainer e : ephemeral) {
            result.add(new V1Container().name(e.getName()).image(e.getImage()).command(e.getCommand()).args(e.getArgs())
                    .ports(e.getPorts()).env(e.getEnv()).envFrom(e.getEnvFrom()).resources(e.getResources())
                    .volumeMounts(e.getVolumeMounts()).volumeDevices(e.getVolumeDevices())
                    .livenessProbe(e.getLivenessProbe()).readinessProbe(e.getReadinessProbe())
                    .startupProbe(e.getStartupProbe()).securityContext(e.getSecurityContext()));
        }
        return result;
    }
}
