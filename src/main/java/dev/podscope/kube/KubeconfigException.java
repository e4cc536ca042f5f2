package dev.podscope.kube;

/** A kubeconfig problem, with a one-line message meant for the user (it names the file, context or user involved). */
public class KubeconfigException extends RuntimeException {
    public KubeconfigException(String message) {
        super(message);
    }

    public KubeconfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
