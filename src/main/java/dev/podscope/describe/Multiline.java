package dev.podscope.describe;

import java.util.Map;

/** describe.go's printLabelsMultiline and printAnnotationsMultiline. */
final class Multiline {

    /** Annotations longer than this (key, value and ": ") print on their own lines, shortened. */
    private static final int MAX_ANNOTATION_LEN = 140;
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private Multiline() {
    }

    static void labels(DescribeWriter w, String title, Map<String, String> labels) {
        w.write(0, title + ":\t");
        if (labels == null || labels.isEmpty()) {
            w.writeLine("<none>");
            return;
        }
        boolean first = true;
        for (Map.Entry<String, String> e : PodDescriber.sorted(labels).entrySet()) {
            if (!first) {
                w.write(0, "\t");
            }
            first = false;
            w.write(0, e.getKey() + "=" + e.getValue() + "\n");
        }
    }

    static void annotations(DescribeWriter w, String title, Map<String, String> annotations) {
        w.write(0, title + ":\t");
        Map<String, String> sorted = new java.util.TreeMap<>(PodDescriber.sorted(annotations));
        sorted.remove(LAST_APPLIED);
        if (sorted.isEmpty()) {
            w.writeLine("<none>");
            return;
        }
        boolean first = true;
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (!first) {
                w.write(0, "\t");
            }
            first = false;
            String value = e.getValue().endsWith("\n") ? e.getValue().substring(0, e.getValue().length() - 1) : e.getValue();
            if (value.length() + e.getKey().length() + 2 > MAX_ANNOTATION_LEN || value.contains("\n")) {
                w.write(0, e.getKey() + ":\n");
                for (String s : value.split("\n", -1)) {
                    w.write(0, "\t  " + shorten(s, MAX_ANNOTATION_LEN - 2) + "\n");
                }
            } else {
                w.write(0, e.getKey() + ": " + value + "\n");
            }
        }
    }

    private static String shorten(String s, int max) {
        return s.length() > max ? s.substring(0, max) + "..." : s;
    }
}
