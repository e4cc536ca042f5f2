package dev.podscope.logs;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;

/** Why a log could not be read, in one line that names the pod and container and says what to do. */
final class LogProblems {
    private LogProblems() {
    }

    /** The API server refused the request with {@code code} and a Status (or plain text) {@code body}. */
    static String refused(LogRequest request, int code, String body) {
        String message = statusMessage(body);
        String where = "container \"" + request.container() + "\" of pod " + request.namespace() + "/" + request.pod();
        if (message.startsWith("previous terminated container")) {
            return "No previous instance of " + where + ": it has not restarted (or its old log is gone)";
        }
        return switch (code) {
            case 401 -> "Unauthorized (401) reading the log of " + where + ": refresh the credentials";
            case 403 -> "Forbidden (403) to read the log of " + where + ": " + message;
            case 404 -> "Pod " + request.namespace() + "/" + request.pod() + " not found (it may have been deleted)";
            default -> "Cannot read the log of " + where + ": " + message;
        };
    }

    static String failed(LogRequest request, Throwable error) {
        String detail = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return "The log stream of " + request.namespace() + "/" + request.label() + " broke off: " + detail;
    }

    private static String statusMessage(String body) {
        try {
            JsonObject status = JsonParser.parseString(body).getAsJsonObject();
            if (status.has("message")) {
                return status.get("message").getAsString();
            }
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            // not a Status: a proxy's or a kubelet's plain answer
        }
        return body.strip().lines().findFirst().orElse("no reason given");
    }
}
