package dev.podscope.sandbox.containers;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2WindowUpdateFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2FrameStream;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The gRPC health service ({@code grpc.health.v1.Health/Check}) over cleartext HTTP/2 with prior knowledge, as
 * gRPC servers and the kubelet's grpc probe speak it. Netty's HTTP/2 codec does the framing and HPACK in an
 * {@link EmbeddedChannel} fed from the connection's bytes; every other method is answered UNIMPLEMENTED.
 */
final class GrpcHealthServer implements ContainerServer {
    static final String CHECK = "/grpc.health.v1.Health/Check";
    /** A length-prefixed HealthCheckResponse{status: SERVING}: flag 0, length 2, field 1 varint 1. */
    private static final byte[] SERVING = {0, 0, 0, 0, 2, 0x08, 0x01};
    private static final byte[] NOT_SERVING = {0, 0, 0, 0, 2, 0x08, 0x02};

    private final boolean serving;

    GrpcHealthServer(boolean serving) {
        this.serving = serving;
    }

    @Override
    public void serve(InputStream in, OutputStream out) throws IOException {
        EmbeddedChannel channel = new EmbeddedChannel(Http2FrameCodecBuilder.forServer().build(), new Health());
        try {
            drain(channel, out);
            byte[] buffer = new byte[16 * 1024];
            for (int n = in.read(buffer); n >= 0 && channel.isOpen(); n = in.read(buffer)) {
                channel.writeInbound(Unpooled.copiedBuffer(buffer, 0, n));
                channel.runPendingTasks();
                drain(channel, out);
            }
        } catch (RuntimeException protocolError) {
            drain(channel, out); // the codec has queued a GOAWAY saying why
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    private static void drain(EmbeddedChannel channel, OutputStream out) throws IOException {
        boolean wrote = false;
        for (ByteBuf buf = channel.readOutbound(); buf != null; buf = channel.readOutbound()) {
            try {
                buf.readBytes(out, buf.readableBytes());
                wrote = true;
            } finally {
                buf.release();
            }
        }
        if (wrote) {
            out.flush();
        }
    }

    /** Answers each request stream once its request has fully arrived. */
    private final class Health extends ChannelInboundHandlerAdapter {
        private final Map<Http2FrameStream, String> paths = new HashMap<>();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof Http2HeadersFrame headers) {
                    CharSequence path = headers.headers().path();
                    paths.put(headers.stream(), path == null ? "" : path.toString());
                    if (headers.isEndStream()) {
                        answer(ctx, headers.stream());
                    }
                } else if (msg instanceof Http2DataFrame data) {
                    ctx.write(new DefaultHttp2WindowUpdateFrame(data.initialFlowControlledBytes()).stream(data.stream()));
                    if (data.isEndStream()) {
                        answer(ctx, data.stream());
                    } else {
                        ctx.flush();
                    }
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        private void answer(ChannelHandlerContext ctx, Http2FrameStream stream) {
            String path = paths.remove(stream);
            Http2Headers headers = new DefaultHttp2Headers().status("200").set("content-type", "application/grpc");
            if (!CHECK.equals(path)) {
                headers.set("grpc-status", "12").set("grpc-message", "unknown method " + path);
                ctx.writeAndFlush(new DefaultHttp2HeadersFrame(headers, true).stream(stream));
                return;
            }
            ctx.write(new DefaultHttp2HeadersFrame(headers).stream(stream));
            ctx.write(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(serving ? SERVING : NOT_SERVING)).stream(stream));
            ctx.writeAndFlush(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().set("grpc-status", "0"), true)
                    .stream(stream));
        }
    }
}
