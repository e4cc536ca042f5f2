package dev.podscope.sandbox.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Image references as containerd reports them: fully qualified names and stable digests. */
final class Images {
    private static final int MAX_CACHED = 10_000;
    private static final Map<String, String> IMAGE_IDS = new ConcurrentHashMap<>();

    private Images() {
    }

    /** {@code nginx:1.27.3} becomes {@code docker.io/library/nginx:1.27.3}, as in a container status. */
    static String normalize(String image) {
        String name = image;
        int slash = name.indexOf('/');
        String first = slash < 0 ? "" : name.substring(0, slash);
        boolean hasRegistry = first.contains(".") || first.contains(":") || first.equals("localhost");
        if (!hasRegistry) {
            name = (slash < 0 ? "docker.io/library/" : "docker.io/") + name;
        }
        int lastSlash = name.lastIndexOf('/');
        if (name.indexOf(':', lastSlash) < 0 && !name.contains("@")) {
            name = name + ":latest";
        }
        return name;
    }

    /** The repository digest of an image; the same image always gets the same digest, as on a real registry. */
    static String imageId(String image) {
        if (IMAGE_IDS.size() > MAX_CACHED) {
            IMAGE_IDS.clear();
        }
        return IMAGE_IDS.computeIfAbsent(image, Images::digestReference);
    }

    private static String digestReference(String image) {
        String normalized = normalize(image);
        int lastSlash = normalized.lastIndexOf('/');
        int colon = normalized.indexOf(':', lastSlash);
        String repository = colon < 0 ? normalized : normalized.substring(0, colon);
        return repository + "@sha256:" + sha256(normalized);
    }

    static boolean alwaysPulled(String image, String pullPolicy) {
        return "Always".equals(pullPolicy) || normalize(image).endsWith(":latest");
    }

    /** What containerd answers when an image tag does not exist in its registry. */
    static String notFoundError(String image) {
        String ref = normalize(image);
        return "rpc error: code = NotFound desc = failed to pull and unpack image \"" + ref
                + "\": failed to resolve reference \"" + ref + "\": " + ref + ": not found";
    }

    /** A plausible compressed size, fixed per image. */
    static long sizeBytes(String image) {
        return 8_000_000L + Math.floorMod(normalize(image).hashCode(), 180_000_000);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
