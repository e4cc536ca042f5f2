package dev.podscope.sandbox.streams;

import dev.podscope.io.ByteQueue;
import dev.podscope.sandbox.containers.SimulatedShell;
import io.kubernetes.client.openapi.models.V1Pod;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * pods/exec over WebSocket ({@code v5.channel.k8s.io}, {@code v4.channel.k8s.io}): byte 0 of each message is the
 * channel — 0 stdin, 1 stdout, 2 stderr, 3 status, 4 resize; v5 adds {@code [255, channel]} to close a channel.
 * The command runs in the container's {@link SimulatedShell}; the exit comes as a metav1.Status on channel 3, as the
 * kubelet reports it, and then the connection closes.
 */
public final class ExecSocket implements Session.Listener, PodSessions.Session {
    private static final int STDIN = 0;
    private static final int STDOUT = 1;
    private static final int STDERR = 2;
    private static final int STATUS = 3;
    private static final int CLOSE = 255;

    private final V1Pod pod;
    private final SimulatedShell shell;
    private final List<String> command;
    private final boolean stdinWanted;
    private final boolean tty;
    private final PodSessions sessions;
    private final ByteQueue stdin = new ByteQueue(64 * 1024);
    private volatile Session session;
    private volatile Thread process;

    public ExecSocket(V1Pod pod, SimulatedShell shell, List<String> command, boolean stdin, boolean tty,
                      PodSessions sessions) {
        this.pod = pod;
        this.shell = shell;
        this.command = List.copyOf(command);
        this.stdinWanted = stdin;
        this.tty = tty;
        this.sessions = sessions;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        this.session = opened;
        sessions.add(pod, this);
        if (!stdinWanted) {
            stdin.end();
        }
        process = Thread.ofVirtual().name("sandbox-exec").start(this::run);
        opened.demand();
    }

    private void run() {
        OutputStream out = new ChannelOutput(STDOUT);
        OutputStream err = tty ? out : new ChannelOutput(STDERR);
        String status;
        try {
            int exit = shell.run(command, stdin, out, err);
            status = exit == 0 ? "{\"metadata\":{},\"status\":\"Success\"}"
                    : "{\"metadata\":{},\"status\":\"Failure\",\"message\":\"command terminated with non-zero exit "
                    + "code: error executing command " + jsonEscape(command.toString()) + ", exit code " + exit
                    + "\",\"reason\":\"NonZeroExitCode\",\"details\":{\"causes\":[{\"reason\":\"ExitCode\","
                    + "\"message\":\"" + exit + "\"}]}}";
        } catch (InterruptedException e) {
            return;
        } catch (IOException | RuntimeException e) {
            status = "{\"metadata\":{},\"status\":\"Failure\",\"message\":\"Internal error occurred: error executing "
                    + "command in container: " + jsonEscape(String.valueOf(e.getMessage()))
                    + "\",\"reason\":\"InternalError\",\"code\":500}";
        }
        try {
            byte[] bytes = status.getBytes(StandardCharsets.UTF_8);
            WebSockets.send(session, WebSockets.channelMessage(STATUS, bytes, 0, bytes.length));
        } catch (IOException clientGone) {
            // nobody left to tell
        }
        end(null);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        int channel = payload.hasRemaining() ? payload.get() & 0xff : -1;
        byte[] data = new byte[payload.remaining()];
        payload.get(data);
        callback.succeed();
        try {
            if (channel == STDIN && data.length > 0) {
                stdin.put(data);
            } else if (channel == CLOSE && data.length > 0 && data[0] == STDIN) {
                stdin.end();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        session.demand();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        stop();
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        stop();
    }

    @Override
    public void podGone(String reason) {
        end(reason);
    }

    private void end(String reason) {
        sessions.remove(this);
        Session s = session;
        if (s != null && s.isOpen()) {
            s.close(StatusCode.NORMAL, reason, Callback.NOOP);
        }
        if (reason != null) {
            stop();
        }
    }

    private void stop() {
        sessions.remove(this);
        stdin.fail(new IOException("the exec session ended"));
        Thread t = process;
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
        }
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Output on one channel; each write is one message. */
    private final class ChannelOutput extends OutputStream {
        private final int channel;

        ChannelOutput(int channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            for (int done = 0; done < length; done += 32 * 1024) {
                int n = Math.min(32 * 1024, length - done);
                WebSockets.send(session, WebSockets.channelMessage(channel, bytes, offset + done, n));
            }
        }
    }

}
