package dev.podscope.probes;

/** A probe that cannot be run at all (no such container or probe, pod not running); one line for a user. */
public final class ProbeException extends Exception {
    public ProbeException(String message) {
        super(message);
    }
}
