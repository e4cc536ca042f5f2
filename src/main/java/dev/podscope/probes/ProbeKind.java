package dev.podscope.probes;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Probe;

import java.util.Locale;

/** Which of a container's probes to run. */
public enum ProbeKind {
    LIVENESS, READINESS, STARTUP;

    /** The container's probe of this kind, or null when it declares none. */
    public V1Probe of(V1Container container) {
        return switch (this) {
            case LIVENESS -> container.getLivenessProbe();
            case READINESS -> container.getReadinessProbe();
            case STARTUP -> container.getStartupProbe();
        };
    }

    /** "Readiness", as the kubelet's event messages start ("Readiness probe failed: ..."). */
    public String label() {
        String name = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** liveness|readiness|startup, any case; IllegalArgumentException naming the choices otherwise. */
    public static ProbeKind parse(String text) {
        for (ProbeKind kind : values()) {
            if (kind.name().equalsIgnoreCase(text)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown probe kind '" + text + "': use liveness, readiness or startup");
    }
}
