package dev.podscope.describe;

import dev.podscope.format.ProbeText;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1VolumeDevice;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** describe.go's describeContainers: one block per container with its status, resources, probes, env and mounts. */
final class ContainerDescriber {

    private final DescribeWriter w;
    private final ZoneId zone;
    private final EnvDescriber env;

    ContainerDescriber(DescribeWriter w, V1Pod pod, ZoneId zone) {
        this.w = w;
        this.zone = zone;
        this.env = new EnvDescriber(w, pod);
    }

    void describe(String label, List<V1Container> containers, List<V1ContainerStatus> statuses) {
        Map<String, V1ContainerStatus> byName = new HashMap<>();
        if (statuses != null) {
            for (V1ContainerStatus s : statuses) {
                byName.put(s.getName(), s);
            }
        }
        List<V1Container> list = containers == null ? List.of() : containers;
        w.write(0, label + ":" + (list.isEmpty() ? " <none>" : "") + "\n");
        for (V1Container c : list) {
            V1ContainerStatus status = byName.get(c.getName());
            basicInfo(c, status);
            command(c);
            if (status != null) {
                state(status);
            }
            resources(w, c.getResources(), 2);
            probes(c);
            if (c.getEnvFrom() != null && !c.getEnvFrom().isEmpty()) {
                envFrom(c.getEnvFrom());
            }
            env.describe(c);
            mounts(c);
        }
    }

    private void basicInfo(V1Container c, V1ContainerStatus status) {
        w.write(1, c.getName() + ":\n");
        if (status != null) {
            w.write(2, "Container ID:\t" + GoText.orEmpty(status.getContainerID()) + "\n");
        }
        w.write(2, "Image:\t" + GoText.orEmpty(c.getImage()) + "\n");
        if (status != null) {
            w.write(2, "Image ID:\t" + GoText.orEmpty(status.getImageID()) + "\n");
        }
        List<V1ContainerPort> ports = c.getPorts() == null ? List.of() : c.getPorts();
        List<String> container = new ArrayList<>();
        List<String> host = new ArrayList<>();
        for (V1ContainerPort p : ports) {
            container.add(p.getContainerPort() + "/" + GoText.orEmpty(p.getProtocol()));
            host.add((p.getHostPort() == null ? 0 : p.getHostPort()) + "/" + GoText.orEmpty(p.getProtocol()));
        }
        String portString = String.join(", ", container);
        String hostString = String.join(", ", host);
        w.write(2, (portString.contains(",") ? "Ports:\t" : "Port:\t") + noneIfEmpty(portString) + "\n");
        w.write(2, (hostString.contains(",") ? "Host Ports:\t" : "Host Port:\t") + noneIfEmpty(hostString) + "\n");
        if (c.getSecurityContext() != null && c.getSecurityContext().getSeccompProfile() != null) {
            String type = c.getSecurityContext().getSeccompProfile().getType();
            w.write(2, "SeccompProfile:\t" + type + "\n");
            if ("Localhost".equals(type)) {
                w.write(3, "LocalhostProfile:\t"
                        + GoText.orEmpty(c.getSecurityContext().getSeccompProfile().getLocalhostProfile()) + "\n");
            }
        }
    }

    private void command(V1Container c) {
        if (c.getCommand() != null && !c.getCommand().isEmpty()) {
            w.write(2, "Command:\n");
            lines(c.getCommand());
        }
        if (c.getArgs() != null && !c.getArgs().isEmpty()) {
            w.write(2, "Args:\n");
            lines(c.getArgs());
        }
    }

    private void lines(List<String> items) {
        for (String item : items) {
            for (String s : item.split("\n", -1)) {
                w.write(3, s + "\n");
            }
        }
    }

    private void state(V1ContainerStatus s) {
        status("State", s.getState());
        if (s.getLastState() != null && s.getLastState().getTerminated() != null) {
            status("Last State", s.getLastState());
        }
        w.write(2, "Ready:\t" + GoText.bool(s.getReady()) + "\n");
        w.write(2, "Restart Count:\t" + (s.getRestartCount() == null ? 0 : s.getRestartCount()) + "\n");
    }

    private void status(String name, V1ContainerState state) {
        if (state != null && state.getRunning() != null) {
            w.write(2, name + ":\tRunning\n");
            w.write(3, "Started:\t" + GoText.rfc1123z(state.getRunning().getStartedAt(), zone) + "\n");
        } else if (state != null && state.getWaiting() != null) {
            w.write(2, name + ":\tWaiting\n");
            if (!GoText.isEmpty(state.getWaiting().getReason())) {
                w.write(3, "Reason:\t" + state.getWaiting().getReason() + "\n");
            }
        } else if (state != null && state.getTerminated() != null) {
            V1ContainerStateTerminated t = state.getTerminated();
            w.write(2, name + ":\tTerminated\n");
            if (!GoText.isEmpty(t.getReason())) {
                w.write(3, "Reason:\t" + t.getReason() + "\n");
            }
            if (!GoText.isEmpty(t.getMessage())) {
                w.write(3, "Message:\t" + t.getMessage() + "\n");
            }
            w.write(3, "Exit Code:\t" + (t.getExitCode() == null ? 0 : t.getExitCode()) + "\n");
            if (t.getSignal() != null && t.getSignal() > 0) {
                w.write(3, "Signal:\t" + t.getSignal() + "\n");
            }
            w.write(3, "Started:\t" + GoText.rfc1123z(t.getStartedAt(), zone) + "\n");
            w.write(3, "Finished:\t" + GoText.rfc1123z(t.getFinishedAt(), zone) + "\n");
        } else {
            w.write(2, name + ":\tWaiting\n");
        }
    }

    static void resources(DescribeWriter w, V1ResourceRequirements r, int level) {
        if (r == null) {
            return;
        }
        quantities(w, "Limits", r.getLimits(), level);
        quantities(w, "Requests", r.getRequests(), level);
    }

    private static void quantities(DescribeWriter w, String title, Map<String, Quantity> list, int level) {
        if (list == null || list.isEmpty()) {
            return;
        }
        w.write(level, title + ":\n");
        for (Map.Entry<String, Quantity> e : new TreeMap<>(list).entrySet()) {
            w.write(level + 1, e.getKey() + ":\t" + GoText.quantity(e.getValue()) + "\n");
        }
    }

    private void probes(V1Container c) {
        if (c.getLivenessProbe() != null) {
            w.write(2, "Liveness:\t" + ProbeText.describe(c.getLivenessProbe()) + "\n");
        }
        if (c.getReadinessProbe() != null) {
            w.write(2, "Readiness:\t" + ProbeText.describe(c.getReadinessProbe()) + "\n");
        }
        if (c.getStartupProbe() != null) {
            w.write(2, "Startup:\t" + ProbeText.describe(c.getStartupProbe()) + "\n");
        }
    }

    private void envFrom(List<V1EnvFromSource> sources) {
        w.write(2, "Environment Variables from:\n");
        for (V1EnvFromSource e : sources) {
            String from = "";
            String name = "";
            boolean optional = false;
            if (e.getConfigMapRef() != null) {
                from = "ConfigMap";
                name = GoText.orEmpty(e.getConfigMapRef().getName());
                optional = Boolean.TRUE.equals(e.getConfigMapRef().getOptional());
            } else if (e.getSecretRef() != null) {
                from = "Secret";
                name = GoText.orEmpty(e.getSecretRef().getName());
                optional = Boolean.TRUE.equals(e.getSecretRef().getOptional());
            }
            if (GoText.isEmpty(e.getPrefix())) {
                w.write(3, name + "\t" + from + "\tOptional: " + optional + "\n");
            } else {
                w.write(3, name + "\t" + from + " with prefix '" + e.getPrefix() + "'\tOptional: " + optional + "\n");
            }
        }
    }

    private void mounts(V1Container c) {
        List<V1VolumeMount> mounts = c.getVolumeMounts() == null ? List.of() : new ArrayList<>(c.getVolumeMounts());
        w.write(2, "Mounts:" + (mounts.isEmpty() ? "\t<none>" : "") + "\n");
        mounts.sort(Comparator.comparing(V1VolumeMount::getMountPath));
        for (V1VolumeMount m : mounts) {
            List<String> flags = new ArrayList<>();
            flags.add(Boolean.TRUE.equals(m.getReadOnly()) ? "ro" : "rw");
            if (!GoText.isEmpty(m.getSubPath())) {
                flags.add("path=\"" + m.getSubPath() + "\"");
            }
            w.write(3, m.getMountPath() + " from " + m.getName() + " (" + String.join(",", flags) + ")\n");
        }
        if (c.getVolumeDevices() != null && !c.getVolumeDevices().isEmpty()) {
            w.write(2, "Devices:" + (mounts.isEmpty() ? "\t<none>" : "") + "\n");
            List<V1VolumeDevice> devices = new ArrayList<>(c.getVolumeDevices());
            devices.sort(Comparator.comparing(V1VolumeDevice::getDevicePath));
            for (V1VolumeDevice d : devices) {
                w.write(3, d.getDevicePath() + " from " + d.getName() + "\n");
            }
        }
    }

    private static String noneIfEmpty(String s) {
        return s.isEmpty() ? "<none>" : s;
    }
}
