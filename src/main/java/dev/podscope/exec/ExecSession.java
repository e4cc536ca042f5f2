package dev.podscope.exec;

import dev.podscope.kube.StreamUpgrades;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.openapi.models.V1StatusCause;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * One exec stream: collects stdout (channel 1) and stderr (channel 2) and completes when the status (channel 3)
 * arrives, as client-go's remotecommand does. Output beyond a limit is dropped so a chatty command cannot fill memory.
 */
final class ExecSession extends WebSocketListener {
    private static final int OUTPUT_LIMIT = 1 << 20;

    private final String target;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final CompletableFuture<ExecResult> result = new CompletableFuture<>();

    ExecSession(String target) {
        this.target = target;
    }

    CompletableFuture<ExecResult> result() {
        return result;
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
        if (bytes.size() == 0) {
            return;
        }
        int channel = bytes.getByte(0) & 0xff;
        ByteString payload = bytes.substring(1);
        switch (channel) {
            case 1 -> append(stdout, payload);
            case 2 -> append(stderr, payload);
            case 3 -> finish(payload.string(StandardCharsets.UTF_8));
            default -> {
                // 255 closes a channel (v5); resize and stdin are ours to send, not to receive
            }
        }
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        onMessage(webSocket, ByteString.encodeUtf8(text));
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        webSocket.close(1000, null);
        result.completeExceptionally(new ExecException("The API server ended the exec in " + target
                + " without an exit status", 0, null));
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        if (response != null && response.code() != 101) {
            int code = response.code();
            String message = StreamUpgrades.refusal(response);
            String text = code == 403 ? "Forbidden to exec in " + target + ": " + message
                    : "Cannot exec in " + target + ": " + message;
            result.completeExceptionally(new ExecException(text, code, t));
        } else {
            result.completeExceptionally(new ExecException("The exec in " + target + " broke: "
                    + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()), 0, t));
        }
    }

    private synchronized void append(ByteArrayOutputStream target, ByteString payload) {
        int room = OUTPUT_LIMIT - target.size();
        if (room > 0) {
            target.write(payload.toByteArray(), 0, Math.min(room, payload.size()));
        }
    }

    /** Success is exit code 0; NonZeroExitCode carries the code as a cause; any other failure means no command ran. */
    private void finish(String statusJson) {
        V1Status status;
        try {
            status = JSON.deserialize(statusJson, V1Status.class);
        } catch (RuntimeException e) {
            result.completeExceptionally(new ExecException("The exec in " + target + " sent an unreadable status: "
                    + statusJson, 0, e));
            return;
        }
        if ("Success".equals(status.getStatus())) {
            complete(0);
            return;
        }
        if ("NonZeroExitCode".equals(status.getReason()) && status.getDetails() != null
                && status.getDetails().getCauses() != null) {
            for (V1StatusCause cause : status.getDetails().getCauses()) {
                if ("ExitCode".equals(cause.getReason())) {
                    try {
                        complete(Integer.parseInt(cause.getMessage().strip()));
                        return;
                    } catch (NumberFormatException | NullPointerException ignored) {
                        // fall through to the generic failure
                    }
                }
            }
        }
        result.completeExceptionally(new ExecException("Cannot run the command in " + target + ": "
                + (status.getMessage() == null ? status.getReason() : status.getMessage()), 0, null));
    }

    private synchronized void complete(int exitCode) {
        result.complete(new ExecResult(exitCode, stdout.toString(StandardCharsets.UTF_8),
                stderr.toString(StandardCharsets.UTF_8)));
    }
}
