package dev.podscope.portforward;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.spdy.SpdyFrame;
import io.netty.handler.codec.spdy.SpdyFrameCodec;
import io.netty.handler.codec.spdy.SpdyVersion;
import io.netty.util.ReferenceCountUtil;
import okio.BufferedSink;
import okio.BufferedSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * SPDY/3.1 framing on an upgraded connection, client side. DATA frames (the bulk of a port-forward) are read and
 * written here directly: an 8-byte header and the payload, no copy through a codec. Control frames go through
 * Netty's SPDY codec, which owns the zlib header compression (one context per direction, hence two channels).
 */
final class SpdyWire implements AutoCloseable {
    static final int FLAG_FIN = 0x01;
    private static final int CONTROL_BIT = 0x80000000;
    private static final int WINDOW_UPDATE = 9;

    /** One frame as read: either DATA (stream, flags, payload) or a decoded control frame. */
    record Frame(int streamId, int flags, byte[] data, SpdyFrame control) {
        boolean fin() {
            return (flags & FLAG_FIN) != 0;
        }
    }

    private final BufferedSource source;
    private final BufferedSink sink;
    private final EmbeddedChannel decoder = new EmbeddedChannel(new SpdyFrameCodec(SpdyVersion.SPDY_3_1));
    private final EmbeddedChannel encoder = new EmbeddedChannel(new SpdyFrameCodec(SpdyVersion.SPDY_3_1));
    private final List<SpdyFrame> pending = new ArrayList<>();

    SpdyWire(BufferedSource source, BufferedSink sink) {
        this.source = source;
        this.sink = sink;
    }

    /** The next frame; only one thread reads. Throws EOFException at the end of the connection. */
    Frame read() throws IOException {
        while (pending.isEmpty()) {
            int first = source.readInt();
            int flagsAndLength = source.readInt();
            int flags = flagsAndLength >>> 24;
            int length = flagsAndLength & 0xffffff;
            if ((first & CONTROL_BIT) == 0) {
                byte[] data = new byte[length];
                source.readFully(data);
                return new Frame(first, flags, data, null);
            }
            if ((first & 0xffff) == WINDOW_UPDATE && length == 8) {
                // the server acknowledges every DATA frame; this side keeps no windows (as spdystream), so the
                // most frequent control frame is skipped without decoding
                source.skip(8);
                continue;
            }
            ByteBuf frame = Unpooled.buffer(8 + length);
            frame.writeInt(first).writeInt(flagsAndLength);
            byte[] payload = new byte[length];
            source.readFully(payload);
            frame.writeBytes(payload);
            decoder.writeInbound(frame);
            for (Object decoded = decoder.readInbound(); decoded != null; decoded = decoder.readInbound()) {
                pending.add((SpdyFrame) decoded);
            }
            decoder.checkException();
        }
        SpdyFrame control = pending.removeFirst();
        return new Frame(0, 0, null, control);
    }

    /** Writes one DATA frame's header and payload (not flushed); callers hold the write lock. */
    void writeData(int streamId, int flags, byte[] bytes, int offset, int length) throws IOException {
        sink.writeInt(streamId & ~CONTROL_BIT);
        sink.writeInt(flags << 24 | length);
        sink.write(bytes, offset, length);
    }

    /** Encodes and writes a control frame (not flushed); callers hold the write lock. */
    void writeControl(SpdyFrame frame) throws IOException {
        encoder.writeOutbound(frame);
        for (ByteBuf out = encoder.readOutbound(); out != null; out = encoder.readOutbound()) {
            try {
                byte[] bytes = new byte[out.readableBytes()];
                out.readBytes(bytes);
                sink.write(bytes);
            } finally {
                out.release();
            }
        }
    }

    void flush() throws IOException {
        sink.flush();
    }

    @Override
    public void close() {
        pending.forEach(ReferenceCountUtil::release);
        pending.clear();
        decoder.finishAndReleaseAll();
        encoder.finishAndReleaseAll();
    }
}
