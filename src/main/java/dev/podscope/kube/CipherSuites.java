package dev.podscope.kube;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which Podscope offers (as a client) and picks (as the sandbox server) TLS cipher suites: ChaCha20-Poly1305
 * first, then everything else in the JDK's own order. Nothing is added or removed, so every server that speaks to the
 * JDK still does.
 * <p>
 * Why: the app image runs its JVM with the C1 compiler only (see packaging/README.md), and C1 has none of the CPU
 * intrinsics that make AES-GCM fast, while ChaCha20-Poly1305 is plain arithmetic that C1 compiles well: with it a bundle
 * export of 1,000 pods spent about half the CPU time. Both are TLS 1.3's standard AEAD suites, of the same strength.
 * A Go API server picks ChaCha20 when the client lists it first, as clients without AES hardware do.
 */
public final class CipherSuites {
    /** Sorts ChaCha20 suites before the others and keeps every other order (a stable sort). */
    public static final Comparator<String> CHACHA_FIRST = Comparator.comparing(suite -> !suite.contains("CHACHA20"));

    private CipherSuites() {
    }

    /** {@code suites}, ChaCha20 ones first. */
    public static String[] chaChaFirst(String[] suites) {
        List<String> ordered = new ArrayList<>(List.of(suites));
        ordered.sort(CHACHA_FIRST);
        return ordered.toArray(String[]::new);
    }
}
