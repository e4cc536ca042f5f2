package dev.podscope.bundle;

import java.nio.file.Path;
import java.util.List;

/** A finished bundle: where it is, how big, what it holds, what it lacks and how much was redacted. */
public record BundleResult(Path file, long bytes, int pods, List<FileEntry> files, List<MissingEntry> missing,
                           int redactions) {
}
