package dev.podscope.portforward;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2ChannelDuplexHandler;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2FrameStream;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;

/** A gRPC health check over a tunnel, with Netty's HTTP/2 client codec: what a kubelet grpc probe sends. */
final class GrpcHealthCall extends Http2ChannelDuplexHandler {
    private final StringBuilder data = new StringBuilder();
    private String status;
    private String grpcStatus;
    private boolean done;

    /** Returns "http-status grpc-status hex-of-response-message". */
    static String check(PodTunnel tunnel, String service) throws IOException {
        GrpcHealthCall call = new GrpcHealthCall();
        EmbeddedChannel channel = new EmbeddedChannel(Http2FrameCodecBuilder.forClient().build(), call);
        try {
            Http2FrameStream stream = call.newStream();
            channel.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().method("POST").scheme("http")
                    .authority("localhost").path("/grpc.health.v1.Health/Check")
                    .set("content-type", "application/grpc").set("te", "trailers")).stream(stream));
            byte[] name = service.getBytes();
            ByteBuf message = Unpooled.buffer().writeByte(0).writeInt(name.length == 0 ? 0 : name.length + 2);
            if (name.length > 0) {
                message.writeByte(0x0a).writeByte(name.length).writeBytes(name);
            }
            channel.writeAndFlush(new DefaultHttp2DataFrame(message, true).stream(stream));
            byte[] buffer = new byte[16 * 1024];
            while (!call.done) {
                for (ByteBuf out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
                    out.readBytes(tunnel.output(), out.readableBytes());
                    out.release();
                }
                tunnel.output().flush();
                if (call.done) {
                    break;
                }
                int n = tunnel.input().read(buffer);
                if (n < 0) {
                    throw new IOException("the connection ended before the gRPC answer");
                }
                channel.writeInbound(Unpooled.copiedBuffer(buffer, 0, n));
            }
            return call.status + " " + call.grpcStatus + " " + call.data;
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof Http2HeadersFrame headers) {
                if (headers.headers().status() != null) {
                    status = headers.headers().status().toString();
                }
                CharSequence grpc = headers.headers().get("grpc-status");
                if (grpc != null) {
                    grpcStatus = grpc.toString();
                }
                done |= headers.isEndStream();
            } else if (msg instanceof Http2DataFrame frame) {
                data.append(ByteBufUtil.hexDump(frame.content()));
                done |= frame.isEndStream();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }
}
