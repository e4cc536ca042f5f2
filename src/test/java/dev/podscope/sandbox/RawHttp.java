package dev.podscope.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.stream.Stream;

/** Plain HTTPS requests to a sandbox, for checking the exact JSON it answers. */
final class RawHttp {
    static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,"
            + "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SandboxServer server;
    private final HttpClient client;
    private final String token;

    RawHttp(SandboxServer server, String token) throws GeneralSecurityException, IOException {
        this.server = server;
        this.token = token;
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("sandbox-ca", server.tls().caCertificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        this.client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();
    }

    RawHttp(SandboxServer server) throws GeneralSecurityException, IOException {
        this(server, server.token());
    }

    HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return send("GET", path, accept, null, null);
    }

    HttpResponse<String> send(String method, String path, String accept, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A streaming GET (a watch): its lines as they arrive. */
    Stream<String> lines(String path, String accept) throws IOException, InterruptedException {
        return client.send(request(path, accept).GET().build(), HttpResponse.BodyHandlers.ofLines()).body();
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    private HttpRequest.Builder request(String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.server() + path))
                .header("Accept", accept == null ? "application/json" : accept);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }
}
