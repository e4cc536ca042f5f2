package dev.podscope.sandbox.api;

import dev.podscope.sandbox.containers.ContainerPorts;
import dev.podscope.sandbox.containers.SimulatedShell;
import dev.podscope.sandbox.store.Resources;
import dev.podscope.sandbox.store.StoredObject;
import dev.podscope.sandbox.streams.ChannelPortForward;
import dev.podscope.sandbox.streams.ExecSocket;
import dev.podscope.sandbox.streams.PodSessions;
import dev.podscope.sandbox.streams.SpdyUpgradeConnection;
import dev.podscope.sandbox.streams.SpdyWebSocket;
import dev.podscope.sandbox.store.ClusterStore;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The streaming pod subresources: {@code pods/portforward} (WebSocket with kubectl's SPDY tunnel or the kubelet's
 * channel protocol, or the SPDY/3.1 upgrade) and {@code pods/exec} (WebSocket v5/v4 channel protocol). Checks the pod
 * as the API server and kubelet would, then hands the connection over.
 */
final class PodStreams {
    static final String PORT_FORWARD = "portforward";
    static final String EXEC = "exec";
    private static final String SPDY_TUNNEL = "SPDY/3.1+portforward.k8s.io";
    private static final List<String> CHANNEL_FORWARD = List.of("v4.channel.k8s.io", "portforward.k8s.io");
    private static final List<String> EXEC_PROTOCOLS = List.of("v5.channel.k8s.io", "v4.channel.k8s.io");

    private final ClusterStore store;
    private final PodSessions sessions;

    PodStreams(ClusterStore store) {
        this.store = store;
        this.sessions = new PodSessions(store);
    }

    static boolean serves(String subresource) {
        return PORT_FORWARD.equals(subresource) || EXEC.equals(subresource);
    }

    void closeAll() {
        sessions.close();
    }

    void serve(ResourceRequest request, Response response, Callback callback) throws Exception {
        V1Pod pod = store.get(Resources.PODS, request.namespace(), request.name()).map(StoredObject::object)
                .orElseThrow(() -> ApiError.notFound(Resources.PODS, request.name()));
        if (EXEC.equals(request.subresource())) {
            exec(request, pod, response, callback);
        } else {
            portForward(request, pod, response, callback);
        }
    }

    private void portForward(ResourceRequest request, V1Pod pod, Response response, Callback callback)
            throws Exception {
        String name = pod.getMetadata().getName();
        if (pod.getSpec().getNodeName() == null) {
            throw ApiError.badRequest("pod " + name + " does not have a host assigned");
        }
        if (!"Running".equals(pod.getStatus().getPhase())) {
            throw ApiError.badRequest("pod " + name + " is not running (phase " + pod.getStatus().getPhase() + ")");
        }
        Request http = request.http();
        String upgrade = http.getHeaders().get(HttpHeader.UPGRADE);
        if (upgrade != null && upgrade.toLowerCase(Locale.ROOT).startsWith("spdy/3.1")) {
            spdyUpgrade(http, pod, response, callback);
            return;
        }
        List<Integer> ports = ports(request);
        upgradeWebSocket(http, response, callback, (offered, accept) -> {
            if (offered.contains(SPDY_TUNNEL)) {
                accept.accept(SPDY_TUNNEL);
                return new SpdyWebSocket(pod, sessions);
            }
            String protocol = offered.stream().filter(CHANNEL_FORWARD::contains).findFirst().orElse(null);
            if (protocol == null && !offered.isEmpty()) {
                return null;
            }
            if (ports.isEmpty()) {
                throw ApiError.badRequest("query parameter \"port\" is required");
            }
            accept.accept(protocol);
            return new ChannelPortForward(pod, ports, sessions);
        });
    }

    private void exec(ResourceRequest request, V1Pod pod, Response response, Callback callback) throws Exception {
        String phase = pod.getStatus().getPhase();
        if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
            throw ApiError.badRequest("cannot exec into a container in a completed pod; current phase is " + phase);
        }
        V1Container container = container(pod, request.params().getValue("container"));
        List<String> command = request.params().getValues("command");
        if (command == null || command.isEmpty()) {
            throw ApiError.badRequest("you must specify at least 1 command");
        }
        if (!ContainerPorts.running(pod, container.getName())) {
            throw ApiError.badRequest("container not found (\"" + container.getName() + "\")");
        }
        boolean stdin = ListQuery.flag(request.params(), "stdin");
        boolean tty = ListQuery.flag(request.params(), "tty");
        upgradeWebSocket(request.http(), response, callback, (offered, accept) -> {
            String protocol = offered.stream().filter(EXEC_PROTOCOLS::contains).findFirst().orElse(null);
            if (protocol == null) {
                return null;
            }
            accept.accept(protocol);
            return new ExecSocket(pod, new SimulatedShell(pod, container), command, stdin, tty, sessions);
        });
    }

    private static V1Container container(V1Pod pod, String name) {
        List<V1Container> containers = pod.getSpec().getContainers();
        if (name == null || name.isEmpty()) {
            if (containers.size() == 1) {
                return containers.getFirst();
            }
            throw ApiError.badRequest("a container name must be specified for pod " + pod.getMetadata().getName()
                    + ", choose one of: " + containers.stream().map(V1Container::getName).toList());
        }
        List<V1Container> all = new ArrayList<>(containers);
        if (pod.getSpec().getInitContainers() != null) {
            all.addAll(pod.getSpec().getInitContainers());
        }
        return all.stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow(() ->
                ApiError.badRequest("container " + name + " is not valid for pod " + pod.getMetadata().getName()));
    }

    /** The API server's {@code ports} parameter (repeated or comma-separated); the kubelet's own is {@code port}. */
    private static List<Integer> ports(ResourceRequest request) {
        List<String> values = new ArrayList<>();
        for (String key : List.of("ports", "port")) {
            List<String> v = request.params().getValues(key);
            if (v != null) {
                values.addAll(v);
            }
        }
        List<Integer> ports = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                try {
                    int port = Integer.parseInt(part.trim());
                    if (port < 1 || port > 65535) {
                        throw new NumberFormatException();
                    }
                    ports.add(port);
                } catch (NumberFormatException e) {
                    throw ApiError.badRequest("invalid port \"" + part.trim() + "\"");
                }
            }
        }
        return ports;
    }

    /** Picks the endpoint for the offered subprotocols; calls {@code accept} with the chosen one; null refuses. */
    private interface EndpointChoice {
        Object choose(List<String> offered, java.util.function.Consumer<String> accept);
    }

    private static void upgradeWebSocket(Request request, Response response, Callback callback,
                                         EndpointChoice choice) throws Exception {
        String upgrade = request.getHeaders().get(HttpHeader.UPGRADE);
        if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
            throw ApiError.badRequest("Upgrade request required");
        }
        ServerWebSocketContainer container = ServerWebSocketContainer.get(request.getContext());
        if (container == null) {
            throw ApiError.badRequest("WebSocket upgrades are not available on this server");
        }
        List<String> offered = new ArrayList<>();
        for (String header : request.getHeaders().getValuesList(HttpHeader.SEC_WEBSOCKET_SUBPROTOCOL)) {
            for (String p : header.split(",")) {
                if (!p.isBlank()) {
                    offered.add(p.trim());
                }
            }
        }
        // Decide (and fail with a Status) before upgrading, so a refusal is a normal HTTP answer.
        String[] chosen = new String[1];
        Object endpoint = choice.choose(offered, p -> chosen[0] = p);
        if (endpoint == null) {
            throw ApiError.badRequest("none of the offered subprotocols " + offered + " is supported");
        }
        boolean upgraded = container.upgrade((rq, rs, cb) -> {
            if (chosen[0] != null) {
                rs.setAcceptedSubProtocol(chosen[0]);
            }
            rs.setExtensions(List.of());
            return endpoint;
        }, request, response, callback);
        if (!upgraded) {
            throw ApiError.badRequest("the WebSocket upgrade failed");
        }
    }

    private void spdyUpgrade(Request request, V1Pod pod, Response response, Callback callback) {
        String protocols = String.join(",", request.getHeaders().getValuesList("X-Stream-Protocol-Version"));
        if (!protocols.contains("portforward.k8s.io")) {
            throw ApiError.badRequest("unable to negotiate protocol: client supports [" + protocols
                    + "], server supports [portforward.k8s.io]");
        }
        var metaData = request.getConnectionMetaData();
        Connection connection = new SpdyUpgradeConnection(metaData.getConnection().getEndPoint(),
                metaData.getConnector().getExecutor(), pod, sessions);
        request.setAttribute(HttpStream.UPGRADE_CONNECTION_ATTRIBUTE, connection);
        response.setStatus(101);
        response.getHeaders().put(HttpHeader.CONNECTION, "Upgrade");
        response.getHeaders().put(HttpHeader.UPGRADE, "SPDY/3.1");
        response.getHeaders().put("X-Stream-Protocol-Version", "portforward.k8s.io");
        callback.succeeded();
    }
}
