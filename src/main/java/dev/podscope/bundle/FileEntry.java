package dev.podscope.bundle;

/**
 * One zip entry as the manifest lists it. {@code truncatedFrom} is the full size of a log whose head was dropped
 * to keep it under the cap (null when nothing was dropped).
 */
public record FileEntry(String path, long size, String sha256, Long truncatedFrom) {
}
