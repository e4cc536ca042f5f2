package dev.podscope.probes;

import dev.podscope.portforward.PodTunnel;
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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A {@code grpc.health.v1.Health/Check} call over a tunnel, with Netty's HTTP/2 client codec driven by hand (an
 * embedded channel whose bytes go through the tunnel): what a kubelet grpc probe sends.
 */
public final class GrpcHealthCall extends Http2ChannelDuplexHandler {
    /** The HTTP/2 :status, the grpc-status trailer (null if missing) and the response message with its 5-byte prefix. */
    public record Answer(String httpStatus, String grpcStatus, byte[] message) {
        /** HealthCheckResponse.status: 0 UNKNOWN, 1 SERVING, 2 NOT_SERVING, 3 SERVICE_UNKNOWN; -1 if absent. */
        public int servingStatus() {
            // prefix (1 flag + 4 length) then field 1 as a varint: tag 0x08 and a value below 128
            if (message.length >= 7 && message[5] == 0x08) {
                return message[6];
            }
            return message.length == 5 ? 0 : -1; // an empty message is status UNKNOWN (proto3 default)
        }

        public String hex() {
            return ByteBufUtil.hexDump(message);
        }
    }

    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private String status;
    private String grpcStatus;
    private boolean done;

    private GrpcHealthCall() {
    }

    private EmbeddedChannel channel;

    /** One call: {@link #prepare} then {@link #exchange}, or both at once. */
    public static Answer check(PodTunnel tunnel, String service, String authority) throws IOException {
        return prepare(service, authority).exchange(tunnel);
    }

    /**
     * Encodes the request without sending it. Probes prepare before their clock starts: the first use of Netty's
     * HTTP/2 codec in a JVM loads hundreds of classes, which must not count as the pod's latency.
     */
    public static GrpcHealthCall prepare(String service, String authority) {
        GrpcHealthCall call = new GrpcHealthCall();
        call.channel = new EmbeddedChannel(Http2FrameCodecBuilder.forClient().build(), call);
        Http2FrameStream stream = call.newStream();
        call.channel.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().method("POST").scheme("http")
                .authority(authority).path("/grpc.health.v1.Health/Check")
                .set("content-type", "application/grpc").set("te", "trailers")
                .set("user-agent", "kube-probe/1.32")).stream(stream));
        byte[] name = service.getBytes(StandardCharsets.UTF_8);
        // HealthCheckRequest{service}: field 1, length-delimited (names under 128 bytes, as service names are)
        ByteBuf message = Unpooled.buffer().writeByte(0).writeInt(name.length == 0 ? 0 : name.length + 2);
        if (name.length > 0) {
            message.writeByte(0x0a).writeByte(name.length).writeBytes(name);
        }
        call.channel.writeAndFlush(new DefaultHttp2DataFrame(message, true).stream(stream));
        return call;
    }

    /** Sends the prepared request through the tunnel and reads the answer; releases the codec either way. */
    public Answer exchange(PodTunnel tunnel) throws IOException {
        try {
            byte[] buffer = new byte[16 * 1024];
            while (!done) {
                for (ByteBuf out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
                    out.readBytes(tunnel.output(), out.readableBytes());
                    out.release();
                }
                tunnel.output().flush();
                if (done) {
                    break;
                }
                int n = tunnel.input().read(buffer);
                if (n < 0) {
                    throw new IOException("the connection ended before the gRPC answer");
                }
                channel.writeInbound(Unpooled.copiedBuffer(buffer, 0, n));
            }
            return new Answer(status, grpcStatus, data.toByteArray());
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
                byte[] bytes = ByteBufUtil.getBytes(frame.content());
                data.writeBytes(bytes);
                done |= frame.isEndStream();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }
}
