package dev.podscope.portforward;

/**
 * A forward's life: STARTING until the first tunnel is known to work, ACTIVE while it does, RECONNECTING after the
 * pod or the connection went away (re-resolving the target, with back-off), FAILED when the target is gone or
 * refused for good, STOPPED once the user stopped it. Only ACTIVE and RECONNECTING hold the local port.
 */
public enum ForwardState {
    STARTING, ACTIVE, RECONNECTING, FAILED, STOPPED;

    /** A forward in this state will not change again by itself. */
    public boolean finished() {
        return this == FAILED || this == STOPPED;
    }
}
