package dev.podscope.pods;

/** A filter text the user typed cannot be understood; the message is one line meant for the user. */
public final class FilterSyntaxException extends Exception {
    public FilterSyntaxException(String message) {
        super(message);
    }
}
