package dev.podscope.metrics;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.time.Instant;

/** One container's graphs: its requests and limits, and its samples in the chosen window ending at {@code end}. */
public final class ContainerGraphViewModel {
    private final String name;
    private final ReadOnlyObjectWrapper<ContainerLimits> limits = new ReadOnlyObjectWrapper<>(this, "limits");
    private final ReadOnlyObjectWrapper<Samples> samples = new ReadOnlyObjectWrapper<>(this, "samples");

    /** The series with the window it is drawn in: [end - window, end]. */
    public record Samples(UsageSeries series, UsageWindow window, Instant end) {
    }

    ContainerGraphViewModel(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public ReadOnlyObjectProperty<ContainerLimits> limitsProperty() {
        return limits.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Samples> samplesProperty() {
        return samples.getReadOnlyProperty();
    }

    void limits(ContainerLimits value) {
        limits.set(value);
    }

    void samples(Samples value) {
        samples.set(value);
    }
}
