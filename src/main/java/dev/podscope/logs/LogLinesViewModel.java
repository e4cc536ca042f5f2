package dev.podscope.logs;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lines on screen: a {@link LogBuffer} seen as an observable list. Stream threads only queue their batches;
 * once per frame the FX thread takes everything queued and applies it as one change (appends, and the drop of the
 * oldest lines in bulk once the buffer is full), so a flood costs one list update per frame, not one per line.
 * <p>
 * Also keeps the follow state of the user: while they look at older lines (not at the bottom) the view stays put
 * and the model counts what arrived meanwhile.
 */
public final class LogLinesViewModel {
    private static final LogLine DROPPED = new LogLine(0, null, "");
    private static final Comparator<LogLine> BY_TIME = Comparator.comparing(LogLine::time,
            Comparator.nullsLast(Comparator.naturalOrder()));

    private final LogBuffer buffer;
    private final Lines lines = new Lines();
    private final Queue<List<LogLine>> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicLong queued = new AtomicLong();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ReadOnlyLongWrapper newWhilePaused = new ReadOnlyLongWrapper(this, "newWhilePaused");
    private final ReadOnlyBooleanWrapper atBottom = new ReadOnlyBooleanWrapper(this, "atBottom", true);
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drain();
        }
    };
    private volatile boolean sortByTime;
    private volatile long generation;

    public LogLinesViewModel(int capacity) {
        this.buffer = new LogBuffer(capacity);
    }

    /** The kept lines, oldest first; changes once per frame at most. */
    public ObservableList<LogLine> lines() {
        return lines;
    }

    public int capacity() {
        return buffer.capacity();
    }

    /** Lines appended since the last clear, dropped ones included. */
    public long appended() {
        return buffer.appended();
    }

    /** Grows with every applied batch, so the view knows when to scroll along. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Lines that arrived while the user looked at older ones. */
    public ReadOnlyLongProperty newWhilePausedProperty() {
        return newWhilePaused.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty atBottomProperty() {
        return atBottom.getReadOnlyProperty();
    }

    /** The view reports where the user is: at the bottom (following) or above it (paused). */
    public void setAtBottom(boolean value) {
        atBottom.set(value);
        if (value) {
            newWhilePaused.set(0);
        }
    }

    /** A sink that hands batches of the current generation to the next frame; older generations are ignored. */
    LogSink sink(LogSink endings) {
        long mine = generation;
        return new LogSink() {
            @Override
            public void lines(List<LogLine> batch) {
                if (mine == generation) {
                    inbox.add(batch);
                    queued.addAndGet(batch.size());
                }
            }

            @Override
            public void ended(int source, String problem) {
                if (mine == generation) {
                    endings.ended(source, problem);
                }
            }
        };
    }

    /** Forgets all lines and anything still queued; sinks handed out before stop delivering. */
    void clear(boolean mergedSources) {
        generation++;
        inbox.clear();
        queued.set(0);
        sortByTime = mergedSources;
        int size = buffer.size();
        buffer.clear();
        if (size > 0) {
            lines.removed(size);
        }
        newWhilePaused.set(0);
        setAtBottom(true);
        revision.set(revision.get() + 1);
    }

    void start() {
        pulse.start();
    }

    void stop() {
        pulse.stop();
    }

    /** Applies everything queued as one change; the pulse calls it every frame. */
    void drain() {
        if (inbox.isEmpty()) {
            return;
        }
        List<LogLine> batch = new ArrayList<>((int) Math.min(Integer.MAX_VALUE, queued.get()) + 16);
        for (List<LogLine> next = inbox.poll(); next != null; next = inbox.poll()) {
            batch.addAll(next);
            queued.addAndGet(-next.size());
        }
        if (sortByTime) {
            // several streams: each is in order, this restores the order between them within the frame
            batch.sort(BY_TIME);
        }
        int before = buffer.size();
        int dropped = buffer.append(batch);
        lines.appended(before, batch.size(), dropped);
        if (!atBottom.get()) {
            newWhilePaused.set(newWhilePaused.get() + batch.size());
        }
        revision.set(revision.get() + 1);
    }

    /** The buffer as an observable list; it only ever changes through {@link #drain()} and {@link #clear}. */
    private final class Lines extends ObservableListBase<LogLine> {
        @Override
        public LogLine get(int index) {
            return buffer.get(index);
        }

        @Override
        public int size() {
            return buffer.size();
        }

        void appended(int before, int added, int dropped) {
            int after = buffer.size();
            beginChange();
            if (dropped == 0) {
                nextAdd(before, after);
            } else if (dropped <= before) {
                nextRemove(0, Collections.nCopies(dropped, DROPPED));
                nextAdd(before - dropped, after);
            } else {
                nextRemove(0, Collections.nCopies(before, DROPPED));
                nextAdd(0, after);
            }
            endChange();
        }

        void removed(int count) {
            beginChange();
            nextRemove(0, Collections.nCopies(count, DROPPED));
            endChange();
        }
    }
}
