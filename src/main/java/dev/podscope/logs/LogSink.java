package dev.podscope.logs;

import java.util.List;

/** Receives what a log stream reads, on the stream's own thread: never block here (hand over and return). */
public interface LogSink {

    /** A batch of lines in the order they were read. */
    void lines(List<LogLine> batch);

    /**
     * The stream is over: the log ended (container stopped, no follow), it was closed, or it failed.
     *
     * @param problem a one-line message for the user when it failed, else null
     */
    void ended(int source, String problem);
}
