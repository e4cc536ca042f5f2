package dev.podscope.kube;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Wraps the JDK's socket factory for two kubeconfig features OkHttp lacks: {@code tls-server-name} (used for SNI and
 * checked by the JDK's HTTPS endpoint identification instead of the URL host) and closing every open connection
 * when an exec plugin rotates the client certificate (client-go's connection tracker). It also offers the cipher
 * suites in {@link CipherSuites}' order.
 */
final class TrackingSslSocketFactory extends SSLSocketFactory {
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");

    private final SSLSocketFactory delegate;
    private final String serverName;
    private final boolean identifyServerName;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    /**
     * @param serverName         the {@code tls-server-name}, or null to use the URL host
     * @param identifyServerName whether the JDK must check the certificate against {@code serverName}
     */
    TrackingSslSocketFactory(SSLSocketFactory delegate, String serverName, boolean identifyServerName) {
        this.delegate = delegate;
        this.serverName = serverName;
        this.identifyServerName = identifyServerName;
    }

    void closeAll() {
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // the socket is being dropped anyway; nothing useful to do with a failure to close it
            }
            open.remove(socket);
        }
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return track(delegate.createSocket(socket, serverName == null ? host : serverName, port, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return track(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return track(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return track(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return track(delegate.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    private Socket track(Socket socket) {
        if (socket instanceof SSLSocket ssl) {
            // OkHttp keeps the socket's order when it applies its connection spec
            ssl.setEnabledCipherSuites(CipherSuites.chaChaFirst(ssl.getEnabledCipherSuites()));
        }
        if (serverName != null && socket instanceof SSLSocket ssl) {
            SSLParameters parameters = ssl.getSSLParameters();
            if (identifyServerName) {
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
            }
            // the JDK only sends SNI for names with a dot; Go sends any name that is not an IP address
            if (!IP_LITERAL.matcher(serverName).matches()) {
                parameters.setServerNames(List.of(new SNIHostName(serverName)));
            }
            ssl.setSSLParameters(parameters);
        }
        open.removeIf(Socket::isClosed);
        open.add(socket);
        return socket;
    }
}
