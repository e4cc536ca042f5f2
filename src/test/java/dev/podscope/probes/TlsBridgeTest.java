package dev.podscope.probes;

import dev.podscope.portforward.PodTunnel;
import dev.podscope.sandbox.SandboxTls;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** An https probe's TLS over a tunnel, against a real TLS server whose certificate nobody trusts (as in pods). */
class TlsBridgeTest {
    @Test
    void getsAnHttpsAnswerThroughATunnelWithoutVerifyingTheCertificate() throws Exception {
        SslContextFactory.Server factory = SandboxTls.generate().jettySslContextFactory();
        factory.start();
        try (SSLServerSocket server = (SSLServerSocket) factory.getSslContext().getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (SSLSocket client = (SSLSocket) server.accept()) {
                    InputStream in = client.getInputStream();
                    StringBuilder request = new StringBuilder();
                    for (int c = in.read(); c >= 0 && !request.toString().endsWith("\r\n\r\n"); c = in.read()) {
                        request.append((char) c);
                        if (request.toString().endsWith("\r\n\r\n")) {
                            break;
                        }
                    }
                    client.getOutputStream().write(("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    client.getOutputStream().flush();
                } catch (IOException ignored) {
                    // the test fails on its side
                }
            });
            try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                 Socket tls = TlsBridge.over(new SocketTunnel(raw), "10.0.0.1", 8443)) {
                tls.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                tls.getOutputStream().flush();
                HttpExchange exchange = new HttpExchange(tls.getInputStream());
                exchange.read();
                assertThat(exchange.status()).isEqualTo(204);
            }
        } finally {
            factory.stop();
        }
    }

    /** A tunnel that is a plain TCP connection: the pod side is a local server here. */
    private record SocketTunnel(Socket socket) implements PodTunnel {
        @Override
        public InputStream input() {
            try {
                return socket.getInputStream();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public OutputStream output() {
            try {
                return socket.getOutputStream();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
