package dev.podscope.sandbox.logs;

/**
 * A log request the API server or the kubelet refuses, with the HTTP code, the {@code Status} reason and the message
 * kubectl prints after "Error from server (reason): ".
 */
public final class LogRefusal extends RuntimeException {
    private final int code;
    private final String reason;

    private LogRefusal(int code, String reason, String message) {
        super(message);
        this.code = code;
        this.reason = reason;
    }

    /** The kubelet's and the pod registry's refusals: the API server passes them on as 400 BadRequest. */
    static LogRefusal badRequest(String message) {
        return new LogRefusal(400, "BadRequest", message);
    }

    /** Options that fail {@code ValidatePodLogOptions}, answered as 422 Invalid. */
    static LogRefusal invalid(String podName, String fieldErrors) {
        return new LogRefusal(422, "Invalid", "PodLogOptions \"" + podName + "\" is invalid: " + fieldErrors);
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }
}
