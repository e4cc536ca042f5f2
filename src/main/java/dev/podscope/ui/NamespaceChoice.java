package dev.podscope.ui;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;

/** An entry of the namespace selector: a namespace, or all of them (name null), with its live pod count. */
public final class NamespaceChoice {
    private final String name;
    private final IntegerProperty pods = new SimpleIntegerProperty(this, "pods");

    public NamespaceChoice(String name) {
        this.name = name;
    }

    public static NamespaceChoice all() {
        return new NamespaceChoice(null);
    }

    /** The namespace, or null for "All namespaces". */
    public String name() {
        return name;
    }

    public boolean isAll() {
        return name == null;
    }

    public IntegerProperty podsProperty() {
        return pods;
    }

    /** "shop (12)", "All namespaces (40)". */
    public ObservableValue<String> label() {
        return pods.map(count -> (name == null ? "All namespaces" : name) + " (" + count + ")");
    }

    @Override
    public String toString() {
        return name == null ? "All namespaces" : name;
    }
}
