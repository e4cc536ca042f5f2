package dev.podscope.events;

/** A running namespace event watch; closing it stops the background thread. */
public interface EventWatch extends AutoCloseable {
    @Override
    void close();
}
