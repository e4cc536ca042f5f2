package dev.podscope.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * ANSI escape codes in log lines: SGR colour and weight codes become styled segments; every other escape sequence
 * (cursor moves, window titles, ...) is dropped, since a log viewer has no cursor to move.
 */
public final class AnsiText {
    private static final char ESC = '\u001b';
    /** xterm's palette for the 16 standard colours, readable on light and dark backgrounds alike. */
    private static final String[] BASIC = {"#4d4d4d", "#cd3131", "#0dbc79", "#c8a800", "#2472c8", "#bc3fbc",
            "#11a8cd", "#a0a0a0", "#666666", "#f14c4c", "#23d18b", "#d7ba00", "#3b8eea", "#d670d6", "#29b8db",
            "#bfbfbf"};

    /** A run of text in one style; colours are {@code #rrggbb} or null for the default. */
    public record Segment(String text, String foreground, String background, boolean bold, boolean italic,
                          boolean underline) {
        public boolean plain() {
            return foreground == null && background == null && !bold && !italic && !underline;
        }
    }

    private AnsiText() {
    }

    /** Whether {@code text} contains an escape character at all (most lines do not: the fast path). */
    public static boolean hasEscapes(String text) {
        return text.indexOf(ESC) >= 0;
    }

    /** {@code text} without any escape sequence. */
    public static String strip(String text) {
        if (!hasEscapes(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ESC) {
                i = skipEscape(text, i);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** {@code text} as styled segments; one plain segment when it has no escapes. */
    public static List<Segment> parse(String text) {
        List<Segment> segments = new ArrayList<>();
        if (!hasEscapes(text)) {
            segments.add(new Segment(text, null, null, false, false, false));
            return segments;
        }
        Style style = new Style();
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != ESC) {
                run.append(c);
                i++;
                continue;
            }
            int end = skipEscape(text, i);
            if (i + 1 < text.length() && text.charAt(i + 1) == '[' && text.charAt(end - 1) == 'm') {
                if (!run.isEmpty()) {
                    segments.add(style.segment(run.toString()));
                    run.setLength(0);
                }
                style.apply(text.substring(i + 2, end - 1));
            }
            i = end;
        }
        if (!run.isEmpty()) {
            segments.add(style.segment(run.toString()));
        }
        return segments;
    }

    /** The index just after the escape sequence starting at {@code start}. */
    private static int skipEscape(String text, int start) {
        int i = start + 1;
        if (i >= text.length()) {
            return i;
        }
        char kind = text.charAt(i);
        if (kind == '[') {
            // CSI: parameter and intermediate bytes, then one final byte in @..~
            for (i++; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= '@' && c <= '~') {
                    return i + 1;
                }
            }
            return i;
        }
        if (kind == ']') {
            // OSC: ends with BEL or ESC \
            for (i++; i < text.length(); i++) {
                if (text.charAt(i) == '\u0007') {
                    return i + 1;
                }
                if (text.charAt(i) == ESC && i + 1 < text.length() && text.charAt(i + 1) == '\\') {
                    return i + 2;
                }
            }
            return i;
        }
        if ("()*+-./#%".indexOf(kind) >= 0) {
            // character set designations and the like take one more byte
            return Math.min(text.length(), i + 2);
        }
        return i + 1;
    }

    private static final class Style {
        String foreground;
        String background;
        boolean bold;
        boolean italic;
        boolean underline;

        Segment segment(String text) {
            return new Segment(text, foreground, background, bold, italic, underline);
        }

        void apply(String parameters) {
            String[] codes = parameters.isEmpty() ? new String[]{"0"} : parameters.split("[;:]", -1);
            for (int k = 0; k < codes.length; k++) {
                int code = number(codes[k]);
                switch (code) {
                    case 0 -> {
                        foreground = null;
                        background = null;
                        bold = false;
                        italic = false;
                        underline = false;
                    }
                    case 1 -> bold = true;
                    case 3 -> italic = true;
                    case 4 -> underline = true;
                    case 22 -> bold = false;
                    case 23 -> italic = false;
                    case 24 -> underline = false;
                    case 39 -> foreground = null;
                    case 49 -> background = null;
                    case 38, 48 -> {
                        String[] colour = new String[1];
                        k = extended(codes, k, colour);
                        if (code == 38) {
                            foreground = colour[0];
                        } else {
                            background = colour[0];
                        }
                    }
                    default -> {
                        if (code >= 30 && code <= 37) {
                            foreground = BASIC[code - 30];
                        } else if (code >= 90 && code <= 97) {
                            foreground = BASIC[code - 90 + 8];
                        } else if (code >= 40 && code <= 47) {
                            background = BASIC[code - 40];
                        } else if (code >= 100 && code <= 107) {
                            background = BASIC[code - 100 + 8];
                        }
                    }
                }
            }
        }

        /** Reads {@code 5;n} (256 colours) or {@code 2;r;g;b} after a 38 or 48; returns the last index used. */
        private static int extended(String[] codes, int k, String[] colour) {
            if (k + 2 < codes.length && number(codes[k + 1]) == 5) {
                colour[0] = palette256(number(codes[k + 2]));
                return k + 2;
            }
            if (k + 4 < codes.length && number(codes[k + 1]) == 2) {
                colour[0] = String.format("#%02x%02x%02x", clamp(number(codes[k + 2])), clamp(number(codes[k + 3])),
                        clamp(number(codes[k + 4])));
                return k + 4;
            }
            return codes.length;
        }

        private static String palette256(int n) {
            if (n < 16) {
                return BASIC[Math.max(0, n)];
            }
            if (n < 232) {
                int i = n - 16;
                int[] steps = {0, 95, 135, 175, 215, 255};
                return String.format("#%02x%02x%02x", steps[i / 36], steps[i / 6 % 6], steps[i % 6]);
            }
            int grey = Math.min(255, 8 + (n - 232) * 10);
            return String.format("#%02x%02x%02x", grey, grey, grey);
        }

        private static int clamp(int v) {
            return Math.max(0, Math.min(255, v));
        }

        private static int number(String s) {
            try {
                return s.isEmpty() ? 0 : Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
