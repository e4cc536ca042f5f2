package dev.podscope.app;

import dev.podscope.sandbox.containers.TransferPod;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Transfers through a local forwarded port (Podscope's or kubectl's, it cannot tell) to a {@link TransferPod}: the
 * time a download from its bulk port or an echo round trip of N bytes takes, checking every byte, and the time from
 * connecting to the first byte of an answer.
 */
public final class ForwardTransfers {
    private static final int BUFFER = 64 * 1024;
    private static final byte[] PATTERN = TransferPod.bulkBytes(BUFFER);

    private ForwardTransfers() {
    }

    /** Seconds to receive {@code bytes} from the bulk port behind {@code localPort}. */
    public static double download(int localPort, long bytes) throws IOException {
        try (Socket socket = connect(localPort)) {
            long start = System.nanoTime();
            socket.getOutputStream().write((bytes + "\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            readChecked(socket.getInputStream(), bytes);
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** Seconds to send {@code bytes} to the echo port behind {@code localPort} and receive them all back. */
    public static double echo(int localPort, long bytes) throws IOException {
        try (Socket socket = connect(localPort)) {
            long start = System.nanoTime();
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> send(socket, bytes),
                    command -> Thread.ofVirtual().name("bench-echo-sender").start(command));
            readChecked(socket.getInputStream(), bytes);
            sent.get();
            return (System.nanoTime() - start) / 1e9;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("sending to the echo port failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Seconds from opening a connection to the bulk port behind {@code localPort} to the first byte back. */
    public static double firstByte(int localPort) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = connect(localPort)) {
            socket.getOutputStream().write("1\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            if (socket.getInputStream().read() != (PATTERN[0] & 0xff)) {
                throw new IOException("the first byte from port " + localPort + " is not the bulk pattern's");
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static Socket connect(int localPort) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), localPort);
        socket.setTcpNoDelay(true);
        return socket;
    }

    private static void send(Socket socket, long bytes) {
        try {
            OutputStream out = socket.getOutputStream();
            for (long left = bytes; left > 0; left -= BUFFER) {
                out.write(PATTERN, 0, (int) Math.min(left, BUFFER));
            }
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads exactly {@code bytes}, each equal to the pattern repeated from the start. */
    private static void readChecked(InputStream in, long bytes) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long received = 0;
        while (received < bytes) {
            int offset = (int) (received % BUFFER);
            int n = in.read(buffer, offset, (int) Math.min(BUFFER - offset, bytes - received));
            if (n < 0) {
                throw new IOException("the connection ended after " + received + " of " + bytes + " bytes");
            }
            if (Arrays.mismatch(buffer, offset, offset + n, PATTERN, offset, offset + n) >= 0) {
                throw new IOException("wrong bytes received after " + received + " bytes");
            }
            received += n;
        }
    }
}
