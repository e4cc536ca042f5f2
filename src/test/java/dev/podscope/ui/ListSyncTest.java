package dev.podscope.ui;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ListSyncTest {
    private final List<String> changes = new ArrayList<>();

    @Test
    void sameContentChangesNothing() {
        ObservableList<String> shown = observed("a", "b");

        ListSync.sync(shown, List.of(shown.get(0), shown.get(1)));

        assertThat(changes).isEmpty();
    }

    @Test
    void aFewAdditionsAndRemovalsAreSingleEditsNotAReplacement() {
        ObservableList<String> shown = observed("a", "b", "c");

        ListSync.sync(shown, List.of(shown.get(0), "b2", shown.get(2), "d"));

        assertThat(shown).containsExactly("a", "b2", "c", "d");
        assertThat(changes).containsExactly("removed [b]", "added [b2]", "added [d]");
    }

    @Test
    void aNewOrderIsOnePermutation() {
        ObservableList<String> shown = observed("a", "b", "c");

        ListSync.sync(shown, List.of(shown.get(2), shown.get(0), shown.get(1)));

        assertThat(shown).containsExactly("c", "a", "b");
        assertThat(changes).containsExactly("permutated");
    }

    @Test
    void manyAdditionsReplaceTheContentAtOnce() {
        ObservableList<String> shown = observed();
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            wanted.add("pod-" + i);
        }

        ListSync.sync(shown, wanted);

        assertThat(shown).isEqualTo(wanted);
        assertThat(changes).containsExactly("added 1000");
    }

    private ObservableList<String> observed(String... items) {
        ObservableList<String> list = FXCollections.observableArrayList();
        for (String item : items) {
            list.add(new String(item));
        }
        list.addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                if (c.wasPermutated()) {
                    changes.add("permutated");
                } else if (c.getAddedSize() > 10) {
                    changes.add("added " + c.getAddedSize());
                } else if (c.wasRemoved()) {
                    changes.add("removed " + c.getRemoved());
                } else if (c.wasAdded()) {
                    changes.add("added " + c.getAddedSubList());
                }
            }
        });
        return list;
    }
}
