package dev.podscope.logs;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.function.Function;

/**
 * Search in the shown lines: every occurrence is highlighted, next/previous move a current match (wrapping around)
 * that stays on its line while older lines are dropped from the top.
 */
public final class LogSearchViewModel {
    private final ObservableList<LogLine> lines;
    private final Function<LogLine, String> text;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(this, "current", -1);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    LogSearchViewModel(ObservableList<LogLine> lines, Function<LogLine, String> text) {
        this.lines = lines;
        this.text = text;
        query.addListener((obs, old, now) -> {
            current.set(-1);
            count();
        });
        lines.addListener((ListChangeListener<LogLine>) change -> {
            while (change.next()) {
                if (change.wasRemoved() && change.getFrom() == 0 && current.get() >= 0) {
                    int moved = current.get() - change.getRemovedSize();
                    current.set(moved < 0 ? -1 : moved);
                }
            }
        });
    }

    /** The text searched for; empty for no search. */
    public StringProperty queryProperty() {
        return query;
    }

    /** The index of the line holding the current match, or -1. */
    public ReadOnlyIntegerProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** "3 of 120", "120 matches", "no matches" or empty without a query. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public void next() {
        move(true);
    }

    public void previous() {
        move(false);
    }

    private void move(boolean forward) {
        int found = LogSearch.find(i -> text.apply(lines.get(i)), lines.size(), current.get(), query.get(), forward);
        current.set(found);
        count();
    }

    private void count() {
        String q = query.get();
        if (q.isEmpty()) {
            summary.set("");
            return;
        }
        int total = LogSearch.count(i -> text.apply(lines.get(i)), lines.size(), q);
        if (total == 0) {
            summary.set("no matches");
        } else if (current.get() < 0) {
            summary.set(total + (total == 1 ? " match" : " matches"));
        } else {
            int ordinal = LogSearch.count(i -> text.apply(lines.get(i)), current.get() + 1, q);
            summary.set(ordinal + " of " + total);
        }
    }
}
