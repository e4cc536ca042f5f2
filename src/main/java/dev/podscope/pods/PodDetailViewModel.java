package dev.podscope.pods;

import dev.podscope.format.PodRow;
import dev.podscope.ui.TaskExecutor;
import io.kubernetes.client.util.Yaml;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;

/**
 * The pod opened from the table: name, namespace, status and its YAML, kept current while the pod changes.
 * A placeholder until the full pod detail exists. YAML is rendered off the UI thread.
 */
public final class PodDetailViewModel {
    private final TaskExecutor tasks;
    private final ReadOnlyObjectWrapper<PodRowViewModel> pod = new ReadOnlyObjectWrapper<>(this, "pod");
    private final ReadOnlyStringWrapper yaml = new ReadOnlyStringWrapper(this, "yaml", "");
    private final ChangeListener<PodRow> onChange = (obs, old, row) -> render();
    private long renders;

    public PodDetailViewModel(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    public void show(PodRowViewModel row) {
        PodRowViewModel previous = pod.get();
        if (previous != null) {
            previous.printedProperty().removeListener(onChange);
        }
        pod.set(row);
        if (row != null) {
            row.printedProperty().addListener(onChange);
            render();
        }
    }

    public void close() {
        show(null);
        yaml.set("");
    }

    /** The open pod, or null when nothing is open. */
    public ReadOnlyObjectProperty<PodRowViewModel> podProperty() {
        return pod.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty yamlProperty() {
        return yaml.getReadOnlyProperty();
    }

    private void render() {
        PodRowViewModel row = pod.get();
        long render = ++renders;
        var snapshot = row.pod();
        tasks.execute(() -> Yaml.dump(snapshot), text -> {
            if (render == renders) {
                yaml.set(text);
            }
        }, error -> {
            if (render == renders) {
                yaml.set("# The YAML of " + row.key() + " cannot be shown: " + error.getMessage());
            }
        });
    }
}
