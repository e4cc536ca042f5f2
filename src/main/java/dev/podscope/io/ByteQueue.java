package dev.podscope.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bytes handed from one thread to a reader, in order. Bounded: the thread that {@link #put}s blocks while it is
 * full, so a network reader feeding it stops reading its socket and a slow consumer slows the sender down instead of
 * filling memory. Used on both ends of a port-forward: the client's receive side and the sandbox's container side.
 */
public final class ByteQueue extends InputStream {
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final Condition writable = lock.newCondition();
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private int headOffset;
    private long buffered;
    private boolean ended;
    private boolean readerClosed;
    private IOException failure;

    public ByteQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Adds bytes for the reader, waiting for room; returns false when the reader is gone. */
    public boolean put(byte[] bytes) throws InterruptedException {
        lock.lock();
        try {
            while (buffered >= capacity && !readerClosed && !ended) {
                writable.await();
            }
            if (readerClosed || ended) {
                return false;
            }
            chunks.add(bytes);
            buffered += bytes.length;
            readable.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** No more bytes will come: the reader sees end of stream after what is buffered. */
    public void end() {
        lock.lock();
        try {
            ended = true;
            readable.signalAll();
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The stream broke: the reader gets {@code error} after what is buffered (the first failure wins). */
    public void fail(IOException error) {
        lock.lock();
        try {
            if (failure == null && !ended) {
                failure = error;
            }
            ended = true;
            readable.signalAll();
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        lock.lock();
        try {
            while (chunks.isEmpty() && !ended && !readerClosed) {
                readable.await();
            }
            if (readerClosed) {
                throw new IOException("The stream is closed");
            }
            if (chunks.isEmpty()) {
                if (failure != null) {
                    throw failure;
                }
                return -1;
            }
            int copied = 0;
            while (copied < length && !chunks.isEmpty()) {
                byte[] head = chunks.peek();
                int n = Math.min(length - copied, head.length - headOffset);
                System.arraycopy(head, headOffset, target, offset + copied, n);
                copied += n;
                headOffset += n;
                if (headOffset == head.length) {
                    chunks.poll();
                    headOffset = 0;
                }
            }
            buffered -= copied;
            writable.signalAll();
            return copied;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while reading");
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int available() {
        lock.lock();
        try {
            return (int) Math.min(Integer.MAX_VALUE, buffered);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            readerClosed = true;
            chunks.clear();
            buffered = 0;
            readable.signalAll();
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
