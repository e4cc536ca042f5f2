package dev.podscope.kube;

/** A label selector that cannot be parsed; the message is one line meant for the user. */
public final class LabelSelectorException extends IllegalArgumentException {
    public LabelSelectorException(String message) {
        super(message);
    }
}
