package dev.podscope.portforward;

/**
 * A snapshot of one forward for lists and listeners. {@code remotePort} is the pod's port the target resolved to
 * (0 before it resolved), {@code pod} the pod currently forwarded to (null before). {@code bytesIn} counts bytes
 * received from the pod, {@code bytesOut} bytes sent to it. {@code lastError} is the latest problem in one line (null
 * when none); {@code warning} is set when the forward listens on a non-loopback address.
 */
public record ForwardStatus(long id, String context, ForwardTarget target, String bindAddress, int localPort,
                            int remotePort, String pod, ForwardState state, int openConnections, long bytesIn,
                            long bytesOut, String lastError, String warning) {

    /** "http://127.0.0.1:8080" (IPv6 addresses bracketed), for copy-URL and open-in-browser. */
    public String url() {
        String host = bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
        if (host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        return "http://" + host + ":" + localPort;
    }

    /** "8080 → 80" */
    public String ports() {
        return localPort + " → " + (remotePort == 0 ? target.port() : Integer.toString(remotePort));
    }
}
