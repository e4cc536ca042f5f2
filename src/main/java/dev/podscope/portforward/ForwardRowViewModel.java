package dev.podscope.portforward;

import io.kubernetes.client.openapi.ApiClient;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One forward as the panel shows it. The row stays while its forward is restarted (the manager gives the restarted
 * forward a new id) or stopped, so selection survives; {@link #statusProperty()} changes instead.
 */
public final class ForwardRowViewModel {
    private final ReadOnlyObjectWrapper<ForwardStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyBooleanWrapper favourite = new ReadOnlyBooleanWrapper(this, "favourite");
    /** The client the forward was started with, to start it again once stopped (the manager forgets it then). */
    private final ApiClient client;

    ForwardRowViewModel(ForwardStatus status, ApiClient client) {
        this.status.set(status);
        this.client = client;
    }

    public ForwardStatus status() {
        return status.get();
    }

    public ReadOnlyObjectProperty<ForwardStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public long id() {
        return status.get().id();
    }

    public ForwardState state() {
        return status.get().state();
    }

    /** Whether the forward is saved as a favourite of its context. */
    public ReadOnlyBooleanProperty favouriteProperty() {
        return favourite.getReadOnlyProperty();
    }

    void favourite(boolean saved) {
        favourite.set(saved);
    }

    void update(ForwardStatus next) {
        status.set(next);
    }

    ApiClient client() {
        return client;
    }

    /** "svc/web" with the pod it reaches when that is not the target itself: "svc/web (web-7d9c5-abcde)". */
    public static String target(ForwardStatus s) {
        String resource = s.target().resource();
        if (s.pod() == null || s.target().kind() == ForwardTarget.Kind.POD) {
            return resource;
        }
        return resource + " (" + s.pod() + ")";
    }

    /** "127.0.0.1:8080 → 80" */
    public static String ports(ForwardStatus s) {
        String local = s.localPort() == 0 ? "…" : Integer.toString(s.localPort());
        String remote = s.remotePort() == 0 ? s.target().port() : Integer.toString(s.remotePort());
        return s.bindAddress() + ":" + local + " → " + remote;
    }

    /** "Active", "Reconnecting", ... */
    public static String state(ForwardStatus s) {
        String name = s.state().name();
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /** "1.2 MiB / 340 KiB": received from the pod / sent to it. */
    public static String bytes(ForwardStatus s) {
        return ByteCount.human(s.bytesIn()) + " / " + ByteCount.human(s.bytesOut());
    }
}
