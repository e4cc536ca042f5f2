package dev.podscope.format;

/** Go-style string defaults: the Go printers see "" where client-java models hold null. */
final class Text {

    /** What kubectl prints for an absent value in several columns. */
    static final String NONE = "<none>";

    private Text() {
    }

    static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    static String orNone(String s) {
        return isEmpty(s) ? NONE : s;
    }
}
