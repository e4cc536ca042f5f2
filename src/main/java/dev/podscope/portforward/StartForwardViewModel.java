package dev.podscope.portforward;

import dev.podscope.ui.TaskExecutor;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Service;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Comparator;
import java.util.List;

/**
 * The start-forward dialog: a pod's declared ports or one of the namespace's Services (listed off the UI thread when
 * the user switches to them), the local port (the remote number when it is free, else left to the manager, which
 * picks any free one) and the address (127.0.0.1; others are allowed with a warning). Never touches controls.
 */
public final class StartForwardViewModel {
    public enum Kind { POD, SERVICE }

    private final ForwardsViewModel forwards;
    private final TaskExecutor tasks;
    private final String context;
    private final ApiClient client;
    private final String namespace;
    private final V1Pod pod;
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind");
    private final ObservableList<V1Service> services = FXCollections.observableArrayList();
    private final ObjectProperty<V1Service> service = new SimpleObjectProperty<>(this, "service");
    private final ObservableList<PortChoice> ports = FXCollections.observableArrayList();
    private final ObjectProperty<PortChoice> port = new SimpleObjectProperty<>(this, "port");
    private final StringProperty localPort = new SimpleStringProperty(this, "localPort", "");
    private final ReadOnlyStringWrapper localPortHint = new ReadOnlyStringWrapper(this, "localPortHint", "");
    private final StringProperty address = new SimpleStringProperty(this, "address", ForwardManager.DEFAULT_ADDRESS);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private boolean servicesRequested;
    private long portChecks;

    /** {@code pod} may be null: then only Services of {@code namespace} are offered. */
    public StartForwardViewModel(ForwardsViewModel forwards, TaskExecutor tasks, String context, ApiClient client,
                                 String namespace, V1Pod pod) {
        this.forwards = forwards;
        this.tasks = tasks;
        this.context = context;
        this.client = client;
        this.namespace = namespace;
        this.pod = pod;
        kind.subscribe(this::showKind);
        service.subscribe(s -> {
            if (kind.get() == Kind.SERVICE) {
                ports.setAll(s == null ? List.of() : PortChoice.of(s));
                port.set(ports.isEmpty() ? null : ports.getFirst());
            }
        });
        port.subscribe(this::checkLocalPort);
        address.subscribe(a -> checkLocalPort(port.get()));
        kind.set(pod == null ? Kind.SERVICE : Kind.POD);
    }

    private void showKind(Kind shown) {
        if (shown == Kind.POD && pod != null) {
            ports.setAll(PortChoice.of(pod));
            port.set(ports.isEmpty() ? null : ports.getFirst());
        } else if (shown == Kind.SERVICE) {
            loadServices();
            V1Service current = service.get();
            ports.setAll(current == null ? List.of() : PortChoice.of(current));
            port.set(ports.isEmpty() ? null : ports.getFirst());
        }
        error.set(null);
    }

    private void loadServices() {
        if (servicesRequested) {
            return;
        }
        servicesRequested = true;
        tasks.execute(() -> new CoreV1Api(client).listNamespacedService(namespace).execute().getItems().stream()
                .sorted(Comparator.comparing(s -> s.getMetadata().getName())).toList(), list -> {
            services.setAll(list);
            if (service.get() == null && !list.isEmpty()) {
                service.set(list.getFirst());
            }
            if (list.isEmpty()) {
                error.set("There are no Services in namespace " + namespace);
            }
        }, e -> error.set("Services of namespace " + namespace + " cannot be listed: " + ForwardsViewModel.message(e)));
    }

    /** Proposes the remote port's number as local port when this machine has it free; else the manager picks one. */
    private void checkLocalPort(PortChoice remote) {
        long check = ++portChecks;
        if (remote == null) {
            return;
        }
        String bind = address.get();
        tasks.execute(() -> free(bind, remote.port()), free -> {
            if (check != portChecks) {
                return;
            }
            localPort.set(free ? Integer.toString(remote.port()) : "");
            localPortHint.set(free ? "" : "any free port (" + remote.port() + " is in use or reserved here)");
        }, e -> { });
    }

    private static boolean free(String address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Starts the forward; {@code onStarted} runs (on the UI thread) once it is active, else the error is shown. */
    public void start(Runnable onStarted) {
        ForwardTarget target = target();
        if (target == null) {
            return;
        }
        int local = localPortNumber();
        if (local < 0) {
            error.set("The local port must be a number from 1 to 65535, or empty for any free port");
            return;
        }
        error.set(null);
        busy.set(true);
        forwards.start(context, client, target, local, address.get().strip(), status -> {
            busy.set(false);
            onStarted.run();
        }, why -> {
            busy.set(false);
            error.set(why);
        });
    }

    private ForwardTarget target() {
        PortChoice remote = port.get();
        if (remote == null) {
            error.set("Choose the remote port");
            return null;
        }
        if (kind.get() == Kind.POD) {
            return ForwardTarget.pod(namespace, pod.getMetadata().getName(), Integer.toString(remote.port()));
        }
        V1Service chosen = service.get();
        if (chosen == null) {
            error.set("Choose a Service");
            return null;
        }
        return ForwardTarget.service(namespace, chosen.getMetadata().getName(), Integer.toString(remote.port()));
    }

    /** 0 when empty (any free port), -1 when not a valid port. */
    private int localPortNumber() {
        String text = localPort.get() == null ? "" : localPort.get().strip();
        if (text.isEmpty()) {
            return 0;
        }
        PortChoice typed = PortChoice.typed(text);
        return typed == null ? -1 : typed.port();
    }

    /** "Port-forward to pod shop/web-1" or "... to a Service in shop". */
    public String title() {
        return pod == null ? "Port-forward to a Service in " + namespace
                : "Port-forward to pod " + namespace + "/" + pod.getMetadata().getName();
    }

    public boolean hasPod() {
        return pod != null;
    }

    public String podName() {
        return pod == null ? null : pod.getMetadata().getName();
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public ObservableList<V1Service> services() {
        return services;
    }

    public ObjectProperty<V1Service> serviceProperty() {
        return service;
    }

    public ObservableList<PortChoice> ports() {
        return ports;
    }

    public ObjectProperty<PortChoice> portProperty() {
        return port;
    }

    public StringProperty localPortProperty() {
        return localPort;
    }

    /** What an empty local port means, e.g. "any free port (80 is in use or reserved here)". */
    public ReadOnlyStringProperty localPortHintProperty() {
        return localPortHint.getReadOnlyProperty();
    }

    public StringProperty addressProperty() {
        return address;
    }

    /** A warning while the address is not a loopback one: other machines could reach the pod. */
    public ObservableValue<String> addressWarning() {
        return address.map(a -> loopback(a) ? null
                : "Listening on " + a.strip() + " lets other machines on the network reach this port");
    }

    private static boolean loopback(String a) {
        String text = a == null ? "" : a.strip();
        return text.isEmpty() || text.equals("localhost") || text.startsWith("127.") || text.equals("::1");
    }

    /** Why the forward could not start (or the form is incomplete), or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether Start can be pressed. */
    public BooleanBinding canStart() {
        return Bindings.createBooleanBinding(() -> !busy.get() && port.get() != null
                && (kind.get() == Kind.POD || service.get() != null), busy, port, kind, service);
    }
}
