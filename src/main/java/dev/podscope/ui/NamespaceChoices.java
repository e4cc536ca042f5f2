package dev.podscope.ui;

import dev.podscope.pods.PodCounts;
import dev.podscope.session.NamespaceListing;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The namespace selector's entries: "All namespaces" and every namespace listed or seen in pods, each with its pod
 * count; or only the context's namespace, with a notice saying why, when the user may not look further.
 */
final class NamespaceChoices {
    private final ObjectProperty<NamespaceChoice> selected;
    private final ObservableList<NamespaceChoice> choices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");
    private NamespaceChoice all;
    private boolean restricted;
    private PodCounts counts = PodCounts.NONE;

    NamespaceChoices(ObjectProperty<NamespaceChoice> selected) {
        this.selected = selected;
    }

    void reset() {
        restricted = false;
        notice.set(null);
        all = NamespaceChoice.all();
        choices.setAll(all);
        selected.set(all);
    }

    void listed(NamespaceListing listing) {
        if (restricted) {
            return;
        }
        if (listing.restricted()) {
            restrictTo(listing.names().isEmpty() ? "default" : listing.names().getFirst(), listing.problem());
            return;
        }
        for (String name : listing.names()) {
            add(name);
        }
        updateCounts(counts);
    }

    /** The pod watch covers one namespace only (cluster-wide pod listing is forbidden). */
    void restrictToPodScope(String namespace) {
        if (namespace != null && !restricted) {
            restrictTo(namespace, "Listing pods in all namespaces is forbidden for this user; showing namespace \""
                    + namespace + "\" only");
        }
    }

    void notice(String message) {
        notice.set(message);
    }

    void updateCounts(PodCounts newCounts) {
        counts = newCounts;
        if (!restricted) {
            newCounts.byNamespace().keySet().forEach(this::add);
        }
        for (NamespaceChoice choice : choices) {
            choice.podsProperty().set(choice.isAll()
                    ? newCounts.byNamespace().values().stream().mapToInt(Integer::intValue).sum()
                    : newCounts.inNamespace(choice.name()));
        }
    }

    ObservableList<NamespaceChoice> choices() {
        return choices;
    }

    ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    private void restrictTo(String namespace, String why) {
        restricted = true;
        NamespaceChoice only = new NamespaceChoice(namespace);
        choices.setAll(only);
        selected.set(only);
        notice.set(why);
        updateCounts(counts);
    }

    private void add(String name) {
        for (NamespaceChoice choice : choices) {
            if (name.equals(choice.name())) {
                return;
            }
        }
        int index = !choices.isEmpty() && choices.getFirst().isAll() ? 1 : 0;
        while (index < choices.size() && choices.get(index).name().compareTo(name) < 0) {
            index++;
        }
        choices.add(index, new NamespaceChoice(name));
    }
}
