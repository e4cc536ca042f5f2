package dev.podscope.format;

/** A pod file that cannot be read or is not pods; the message is one line naming the file, fit for users. */
public final class PodFileException extends Exception {

    public PodFileException(String message) {
        super(message);
    }
}
