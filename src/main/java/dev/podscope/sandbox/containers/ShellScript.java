package dev.podscope.sandbox.containers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code sh -c} script split into commands: words with single quotes, double quotes, backslashes and
 * {@code $NAME}/{@code ${NAME}}/{@code $?} expansion, joined by {@code ;}, {@code &&} and {@code ||}. No pipes,
 * redirections or control flow: enough for probe commands and quick looks into a container.
 */
final class ShellScript {
    /** One command and the operator that connects it to the one before ({@code ;} for the first). */
    record Step(String operator, List<String> words) {
    }

    private ShellScript() {
    }

    /** Parses {@code script}; {@code $?} expands lazily, so words keep a marker that {@link #expand} replaces. */
    static List<Step> parse(String script) {
        List<Step> steps = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        String operator = ";";
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '\'') {
                int end = script.indexOf('\'', i + 1);
                end = end < 0 ? script.length() : end;
                word.append(script, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (i < script.length() && script.charAt(i) != '"') {
                    if (script.charAt(i) == '\\' && i + 1 < script.length()) {
                        i++;
                    }
                    word.append(script.charAt(i) == '$' ? '\u0000' : script.charAt(i));
                    i++;
                }
                inWord = true;
                i++;
            } else if (c == '\\' && i + 1 < script.length()) {
                word.append(script.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (Character.isWhitespace(c) || c == ';' || c == '&' || c == '|') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                if (!Character.isWhitespace(c)) {
                    String op = script.startsWith("&&", i) ? "&&" : script.startsWith("||", i) ? "||" : ";";
                    if (!words.isEmpty()) {
                        steps.add(new Step(operator, List.copyOf(words)));
                        words.clear();
                    }
                    operator = op;
                    i += op.length() == 2 ? 2 : 1;
                    continue;
                }
                i++;
            } else {
                word.append(c == '$' ? '\u0000' : c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (!words.isEmpty()) {
            steps.add(new Step(operator, List.copyOf(words)));
        }
        return steps;
    }

    /** Replaces the {@code $} markers of a word with variables ({@code ?} is the last exit code). */
    static String expand(String word, Map<String, String> env, int lastExit) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            if (c != '\u0000') {
                out.append(c);
                i++;
                continue;
            }
            i++;
            if (i < word.length() && word.charAt(i) == '?') {
                out.append(lastExit);
                i++;
            } else if (i < word.length() && word.charAt(i) == '{') {
                int end = word.indexOf('}', i);
                end = end < 0 ? word.length() : end;
                out.append(env.getOrDefault(word.substring(i + 1, end), ""));
                i = end + 1;
            } else {
                int end = i;
                while (end < word.length() && (Character.isLetterOrDigit(word.charAt(end)) || word.charAt(end) == '_')) {
                    end++;
                }
                if (end == i) {
                    out.append('$');
                } else {
                    out.append(env.getOrDefault(word.substring(i, end), ""));
                }
                i = end;
            }
        }
        return out.toString();
    }
}
