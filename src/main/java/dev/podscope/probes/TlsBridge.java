package dev.podscope.probes;

import dev.podscope.portforward.PodTunnel;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

/**
 * TLS over a pod tunnel for https probes: JSSE needs a Socket, so the tunnel is bridged to a loopback connection.
 * Certificates are not verified, as the kubelet does not verify them for probes.
 */
final class TlsBridge {
    private TlsBridge() {
    }

    static Socket over(PodTunnel tunnel, String host, int port) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        Socket near;
        Socket far;
        try (ServerSocket listener = new ServerSocket(0, 1, loopback)) {
            near = new Socket(loopback, listener.getLocalPort());
            far = listener.accept();
        }
        copy(far.getInputStream(), tunnel.output(), far, tunnel);
        copy(tunnel.input(), far.getOutputStream(), far, tunnel);
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[]{new TrustingManager()}, null);
            SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(near, host, port, true);
            socket.startHandshake();
            return socket;
        } catch (GeneralSecurityException e) {
            near.close();
            far.close();
            throw new IOException("TLS is not available: " + e.getMessage(), e);
        }
    }

    private static void copy(InputStream in, OutputStream out, Socket far, PodTunnel tunnel) {
        Thread.ofVirtual().name("podscope-probe-tls").start(() -> {
            try (far; tunnel) {
                in.transferTo(out);
            } catch (IOException ended) {
                // either side closed
            }
        });
    }

    /** Trusts any certificate, as the kubelet's probe client does. */
    private static final class TrustingManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
