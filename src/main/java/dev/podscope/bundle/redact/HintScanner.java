package dev.podscope.bundle.redact;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/**
 * Tells in one pass whether a text may contain any of a set of lowercase ASCII hints, ignoring ASCII case: an
 * Aho-Corasick automaton over 7-bit characters. Most log lines hold no hint of any rule, and this pass is how they
 * skip the regexes (and being decoded, lower-cased and encoded again) at a few nanoseconds per byte.
 * <p>
 * The answer errs only towards "maybe": any non-ASCII character answers yes, because lower-casing one can produce an
 * ASCII letter (KELVIN SIGN becomes {@code k}), which {@code String.toLowerCase} followed by {@code contains} would
 * find.
 */
final class HintScanner {
    private static final int BITS = 7;
    private static final int ALPHABET = 1 << BITS;

    /** Transition table: {@code next[state << BITS | character]}. */
    private final int[] next;
    private final boolean[] accepting;

    private HintScanner(int[] next, boolean[] accepting) {
        this.next = next;
        this.accepting = accepting;
    }

    /** A scanner for {@code hints}, which must be non-empty lowercase ASCII strings. */
    static HintScanner of(Collection<String> hints) {
        List<int[]> children = new ArrayList<>();
        List<Boolean> ends = new ArrayList<>();
        children.add(emptyRow());
        ends.add(false);
        for (String hint : hints) {
            if (hint.isEmpty() || !hint.chars().allMatch(c -> c < ALPHABET && (c < 'A' || c > 'Z'))) {
                throw new IllegalArgumentException("a hint must be non-empty lowercase ASCII: \"" + hint + "\"");
            }
            int state = 0;
            for (int i = 0; i < hint.length(); i++) {
                int c = hint.charAt(i);
                if (children.get(state)[c] < 0) {
                    children.get(state)[c] = children.size();
                    children.add(emptyRow());
                    ends.add(false);
                }
                state = children.get(state)[c];
            }
            ends.set(state, true);
        }
        int states = children.size();
        int[] next = new int[states << BITS];
        boolean[] accepting = new boolean[states];
        int[] fail = new int[states];
        Deque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < ALPHABET; c++) {
            int child = children.getFirst()[c];
            next[c] = Math.max(child, 0);
            if (child > 0) {
                queue.add(child);
            }
        }
        for (int s = 0; s < states; s++) {
            accepting[s] = ends.get(s);
        }
        while (!queue.isEmpty()) {
            int state = queue.remove();
            accepting[state] |= accepting[fail[state]];
            for (int c = 0; c < ALPHABET; c++) {
                int child = children.get(state)[c];
                if (child >= 0) {
                    fail[child] = next[fail[state] << BITS | c];
                    next[state << BITS | c] = child;
                    queue.add(child);
                } else {
                    next[state << BITS | c] = next[fail[state] << BITS | c];
                }
            }
        }
        return new HintScanner(next, accepting);
    }

    /** Whether {@code bytes[from, to)} (UTF-8) may contain a hint. */
    boolean mayContain(byte[] bytes, int from, int to) {
        int state = 0;
        for (int i = from; i < to; i++) {
            int c = bytes[i];
            if (c < 0) {
                return true;
            }
            state = next[state << BITS | fold(c)];
            if (accepting[state]) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text} may contain a hint. */
    boolean mayContain(CharSequence text) {
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            int c = text.charAt(i);
            if (c >= ALPHABET) {
                return true;
            }
            state = next[state << BITS | fold(c)];
            if (accepting[state]) {
                return true;
            }
        }
        return false;
    }

    private static int fold(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    private static int[] emptyRow() {
        int[] row = new int[ALPHABET];
        Arrays.fill(row, -1);
        return row;
    }
}
