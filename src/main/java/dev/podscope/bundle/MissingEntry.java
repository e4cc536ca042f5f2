package dev.podscope.bundle;

/** Something that could not be collected (a kind the user may not list, a log that cannot be read), and why. */
public record MissingEntry(String path, String reason) {
}
