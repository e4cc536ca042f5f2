package dev.podscope.ui;

import javafx.collections.ObservableList;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings a shown list to a wanted content with the smallest changes it can: removals, a permutation, a few
 * insertions. Controls showing the list keep selection, focus and scroll position through such changes, which a
 * plain {@code setAll} would reset. Large insertions (a first load, a namespace switch) fall back to {@code setAll}.
 */
public final class ListSync {
    private static final int MAX_SINGLE_INSERTS = 64;

    private ListSync() {
    }

    /** Elements are compared by identity. */
    public static <T> void sync(ObservableList<T> shown, List<T> wanted) {
        if (sameSequence(shown, wanted)) {
            return;
        }
        Map<T, Integer> wantedIndex = new IdentityHashMap<>(wanted.size() * 2);
        for (int i = 0; i < wanted.size(); i++) {
            wantedIndex.put(wanted.get(i), i);
        }
        Set<T> keep = Collections.newSetFromMap(new IdentityHashMap<>());
        keep.addAll(wanted);
        if (shown.stream().anyMatch(t -> !keep.contains(t))) {
            shown.retainAll(keep);
        }
        if (wanted.size() - shown.size() > MAX_SINGLE_INSERTS) {
            shown.setAll(wanted);
            return;
        }
        if (!inWantedOrder(shown, wantedIndex)) {
            shown.sort((a, b) -> Integer.compare(wantedIndex.get(a), wantedIndex.get(b)));
        }
        for (int i = 0; i < wanted.size() && shown.size() < wanted.size(); i++) {
            if (i >= shown.size() || shown.get(i) != wanted.get(i)) {
                shown.add(i, wanted.get(i));
            }
        }
    }

    private static <T> boolean sameSequence(List<T> a, List<T> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static <T> boolean inWantedOrder(List<T> shown, Map<T, Integer> wantedIndex) {
        int previous = -1;
        for (T t : shown) {
            int index = wantedIndex.get(t);
            if (index < previous) {
                return false;
            }
            previous = index;
        }
        return true;
    }
}
