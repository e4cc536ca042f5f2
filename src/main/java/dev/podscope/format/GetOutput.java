package dev.podscope.format;

/** What {@code kubectl get} writes: the table on stdout, "No resources found ..." on stderr. */
public record GetOutput(String stdout, String stderr) {
}
