package dev.podscope.pods;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits filter text into words at blanks, but keeps a label requirement that a user wrote with blanks in one word
 * ({@code env in (a, b)}, {@code app = web}, {@code app=web, tier=db}) so the selector parser sees it whole.
 */
final class FilterWords {
    private static final String SELECTOR_CHARS = "=!<>(),";

    private FilterWords() {
    }

    static List<String> split(String text) {
        List<String> merged = new ArrayList<>();
        for (String word : blankSeparated(text)) {
            int last = merged.size() - 1;
            if (last >= 0 && continues(merged.get(last), word)) {
                merged.set(last, merged.get(last) + " " + word);
            } else {
                merged.add(word);
            }
        }
        return merged;
    }

    /** Only requirements contain operator characters, and only merged requirements contain blanks. */
    static boolean looksLikeSelector(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (SELECTOR_CHARS.indexOf(word.charAt(i)) >= 0 || Character.isWhitespace(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean continues(String previous, String word) {
        if (previous.equals("-l") || previous.regionMatches(true, 0, "status:", 0, 7)) {
            return false;
        }
        boolean previousOpen = previous.endsWith(",") || previous.endsWith("=") || previous.endsWith("<")
                || previous.endsWith(">") || previous.endsWith(" in") || previous.endsWith(" notin");
        boolean wordJoins = word.startsWith(",") || word.startsWith("=") || word.startsWith("!=")
                || word.startsWith("<") || word.startsWith(">") || word.startsWith("(")
                || word.equals("in") || word.equals("notin");
        return previousOpen || wordJoins;
    }

    /** Blanks inside parentheses do not separate words. */
    private static List<String> blankSeparated(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) && depth == 0) {
                if (!current.isEmpty()) {
                    words.add(current.toString());
                    current.setLength(0);
                }
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            }
            current.append(c);
        }
        if (!current.isEmpty()) {
            words.add(current.toString());
        }
        return words;
    }
}
