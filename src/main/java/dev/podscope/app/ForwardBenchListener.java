package dev.podscope.app;

import dev.podscope.kube.ClientFactory;
import dev.podscope.kube.KubeconfigLoader;
import dev.podscope.kube.KubeconfigSet;
import dev.podscope.kube.KubeconfigSource;
import dev.podscope.portforward.PodTunnel;
import dev.podscope.portforward.PodTunnels;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Podscope's half of {@code podscope bench port-forward}, in a JVM of its own as kubectl runs in a process of its
 * own: listens on a free loopback port per remote port and forwards each accepted connection through a
 * {@link PodTunnel}, printing kubectl's "Forwarding from 127.0.0.1:LOCAL -> REMOTE" lines. The minimum a forward
 * needs (no reconnects, no state): the port-forward manager is the real thing.
 * <p>
 * Arguments: kubeconfig, namespace, pod, remote ports.
 */
public final class ForwardBenchListener {
    private static final int BUFFER = 64 * 1024;

    private ForwardBenchListener() {
    }

    public static void main(String[] args) throws IOException {
        KubeconfigSet set = KubeconfigLoader.load(KubeconfigSource.fromSystem(args[0]));
        PodTunnels tunnels = new PodTunnels(ClientFactory.create(set, set.currentContext().orElseThrow()));
        String namespace = args[1];
        String pod = args[2];
        for (int i = 3; i < args.length; i++) {
            int remote = Integer.parseInt(args[i]);
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            System.out.println("Forwarding from 127.0.0.1:" + listener.getLocalPort() + " -> " + remote);
            Thread.ofPlatform().name("bench-accept-" + remote).start(() -> accept(listener, tunnels, namespace, pod, remote));
        }
        System.out.flush();
    }

    private static void accept(ServerSocket listener, PodTunnels tunnels, String namespace, String pod, int remote) {
        while (true) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                Thread.ofVirtual().name("bench-forward").start(() -> forward(socket, tunnels, namespace, pod, remote));
            } catch (IOException e) {
                System.err.println("accept failed: " + e.getMessage());
                return;
            }
        }
    }

    private static void forward(Socket socket, PodTunnels tunnels, String namespace, String pod, int remote) {
        try (socket; PodTunnel tunnel = tunnels.open(namespace, pod, remote)) {
            Thread.ofVirtual().name("bench-forward-up").start(() -> pump(socket, tunnel));
            copy(tunnel.input(), socket.getOutputStream());
        } catch (IOException e) {
            // the local side closed the connection (the tunnel's input is then closed too), or the forward broke
        }
    }

    /** Local bytes to the pod; when the local side closes, the whole connection ends (no half-close). */
    private static void pump(Socket socket, PodTunnel tunnel) {
        try {
            copy(socket.getInputStream(), tunnel.output());
        } catch (IOException e) {
            // the other direction ended first and closed the socket
        } finally {
            tunnel.close();
        }
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            out.flush();
        }
    }
}
