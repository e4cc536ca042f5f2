package dev.podscope.session;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Status;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;

/** Turns what a cluster call threw into one line a user can act on, and says whether retrying can help. */
public final class ClusterErrors {
    private ClusterErrors() {
    }

    public static String describe(Throwable error, String context, String server) {
        ApiException api = find(error, ApiException.class);
        if (api != null && api.getCode() != 0) {
            return switch (api.getCode()) {
                case 401 -> "Unauthorized (401): " + server + " rejected the credentials of context \"" + context
                        + "\"; refresh them (e.g. log in again) and retry";
                case 403 -> "Forbidden (403) on " + server + " for context \"" + context + "\": "
                        + statusMessage(api);
                default -> "The API server " + server + " answered " + api.getCode() + ": " + statusMessage(api);
            };
        }
        SSLException tls = find(error, SSLException.class);
        if (tls != null) {
            return "TLS verification failed for " + server + " (context \"" + context + "\"): " + tlsProblem(error, tls)
                    + "; check certificate-authority in the kubeconfig";
        }
        if (find(error, UnknownHostException.class) != null) {
            return "Cannot resolve the host of " + server + " (context \"" + context + "\")";
        }
        if (find(error, ConnectException.class) != null) {
            return "Cannot connect to " + server + " (context \"" + context + "\"): connection refused";
        }
        if (find(error, SocketTimeoutException.class) != null) {
            return "Timed out talking to " + server + " (context \"" + context + "\")";
        }
        return "Lost the connection to " + server + " (context \"" + context + "\"): " + detail(error);
    }

    /** What went wrong in the handshake, in the words kubectl users know rather than JSSE's class names. */
    private static String tlsProblem(Throwable error, SSLException tls) {
        if (find(error, CertificateExpiredException.class) != null
                || find(error, CertificateNotYetValidException.class) != null) {
            return "the server's certificate has expired or is not yet valid";
        }
        if (find(error, CertPathValidatorException.class) != null || find(error, CertPathBuilderException.class) != null) {
            return "certificate signed by unknown authority";
        }
        if (tls instanceof SSLPeerUnverifiedException) {
            return "the server's certificate is not valid for its host name";
        }
        String message = tls.getMessage() == null ? tls.getClass().getSimpleName() : tls.getMessage();
        return message.replaceAll("\\b[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)+\\.[A-Z]\\w*: ", "");
    }

    /** The innermost message; a bare EOFException (okio's when a stream is cut) gets words a user understands. */
    private static String detail(Throwable error) {
        if (find(error, EOFException.class) != null) {
            return "the server closed the connection";
        }
        String message = null;
        Throwable root = error;
        for (Throwable t = error; t != null; t = t.getCause()) {
            root = t;
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message != null ? message : root.getClass().getSimpleName();
    }

    /** True for errors that retrying will not fix: bad credentials, missing rights, untrusted certificates. */
    public static boolean isPermanent(Throwable error) {
        ApiException api = find(error, ApiException.class);
        if (api != null && (api.getCode() == 401 || api.getCode() == 403)) {
            return true;
        }
        return find(error, SSLException.class) != null;
    }

    public static int httpCode(Throwable error) {
        ApiException api = find(error, ApiException.class);
        return api == null ? 0 : api.getCode();
    }

    /** The message of the Status the API server answered with, else the exception's own text. */
    public static String statusMessage(ApiException api) {
        String body = api.getResponseBody();
        if (body != null && body.startsWith("{")) {
            try {
                V1Status status = JSON.deserialize(body, V1Status.class);
                if (status.getMessage() != null) {
                    return status.getMessage();
                }
            } catch (RuntimeException notAStatus) {
                // fall through to the exception's own text
            }
        }
        return api.getMessage() == null || api.getMessage().isBlank() ? "no details" : api.getMessage();
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
