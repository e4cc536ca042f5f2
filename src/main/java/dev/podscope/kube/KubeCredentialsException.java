package dev.podscope.kube;

import java.io.IOException;

/**
 * Getting credentials for a request failed (exec plugin failure, unreadable token file).
 * It is an {@link IOException} because OkHttp interceptors may only throw those; client-java wraps it in an
 * {@code ApiException} whose cause is this exception, and {@link #getMessage()} is fit to show the user.
 */
public final class KubeCredentialsException extends IOException {
    public KubeCredentialsException(String message) {
        super(message);
    }
}
