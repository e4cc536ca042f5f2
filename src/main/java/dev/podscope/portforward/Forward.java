package dev.podscope.portforward;

import dev.podscope.session.Backoff;
import io.kubernetes.client.openapi.ApiClient;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * One port-forward: a local listener whose every connection gets its own tunnel to the resolved pod. A supervisor
 * thread re-checks the tunnel periodically and, once a check or a connection shows the pod side broken, re-resolves
 * the target and reconnects with back-off. State changes go through {@link #transition} under the object's lock.
 */
public final class Forward {
    private final long id;
    private final String context;
    private final ApiClient client;
    private final PodTunnels tunnels;
    private final ForwardTarget target;
    private final String bindAddress;
    private final int requestedLocalPort;
    private final ForwardTimings timings;
    private final Consumer<ForwardStatus> changed;
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final AtomicInteger open = new AtomicInteger();
    private final Set<TunnelPipe> pipes = ConcurrentHashMap.newKeySet();
    private final Semaphore wake = new Semaphore(0);
    private final String warning;
    private ForwardState state = ForwardState.STARTING;
    private TargetResolver.Resolved resolved;
    private String lastError;
    private volatile ServerSocket server;
    private volatile Thread supervisor;
    private volatile Thread acceptor;

    Forward(long id, String context, ApiClient client, PodTunnels tunnels, ForwardTarget target, String bindAddress,
            int requestedLocalPort, ForwardTimings timings, Consumer<ForwardStatus> changed) {
        this.id = id;
        this.context = context;
        this.client = client;
        this.tunnels = tunnels;
        this.target = target;
        this.bindAddress = bindAddress;
        this.requestedLocalPort = requestedLocalPort;
        this.timings = timings;
        this.changed = changed;
        this.warning = loopback(bindAddress) ? null : "Listening on " + bindAddress
                + ": other machines that can reach this address can use the forward too";
    }

    public long id() {
        return id;
    }

    public ForwardTarget target() {
        return target;
    }

    public synchronized ForwardStatus status() {
        ServerSocket s = server;
        return new ForwardStatus(id, context, target, bindAddress, s == null ? 0 : s.getLocalPort(),
                resolved == null ? 0 : resolved.port(), resolved == null ? null : resolved.pod(), state, open.get(),
                bytesIn.sum(), bytesOut.sum(), lastError, warning);
    }

    public synchronized ForwardState state() {
        return state;
    }

    ApiClient client() {
        return client;
    }

    int requestedLocalPort() {
        return requestedLocalPort;
    }

    /** Resolves, listens, checks the first tunnel; ACTIVE on return, else FAILED with nothing left open. */
    void start() throws IOException {
        notifyChanged();
        try {
            TargetResolver.Resolved first = TargetResolver.resolve(client, target);
            server = listen(first.port());
            check(first);
            synchronized (this) {
                resolved = first;
            }
        } catch (IOException | RuntimeException e) {
            fail(e.getMessage());
            throw e;
        }
        transition(ForwardState.ACTIVE, null);
        acceptor = Thread.ofVirtual().name("podscope-forward-accept-" + id).start(this::acceptLoop);
        supervisor = Thread.ofVirtual().name("podscope-forward-watch-" + id).start(this::supervise);
    }

    /** Stops listening and ends every connection. */
    void stop() {
        if (transition(ForwardState.STOPPED, null)) {
            release();
        }
    }

    private ServerSocket listen(int remotePort) throws IOException {
        InetAddress address;
        try {
            address = InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new PortForwardException("Cannot listen on " + bindAddress + ": unknown address");
        }
        int wanted = requestedLocalPort != 0 ? requestedLocalPort : remotePort;
        try {
            return bind(address, wanted);
        } catch (BindException e) {
            if (requestedLocalPort == 0) {
                return bind(address, 0); // the remote port's number is taken or privileged here: any free port
            }
            throw new PortForwardException("Local port " + wanted + " on " + bindAddress + " is "
                    + (e.getMessage() != null && e.getMessage().contains("in use") ? "already in use"
                    : "not available: " + e.getMessage()), 0, e);
        }
    }

    private static ServerSocket bind(InetAddress address, int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            // a restarted forward takes its port back while the old connections sit in TIME_WAIT
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port), 512);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private void check(TargetResolver.Resolved to) throws IOException {
        try (PodTunnel tunnel = tunnels.open(target.namespace(), to.pod(), to.port())) {
            TunnelCheck.verify(tunnel, timings.checkWait());
        }
    }

    private void acceptLoop() {
        ServerSocket s = server;
        while (!state().finished()) {
            try {
                Socket socket = s.accept();
                Thread.ofVirtual().name("podscope-forward-connect-" + id).start(() -> connect(socket));
            } catch (IOException e) {
                if (!s.isClosed()) {
                    fail("Stopped listening on " + bindAddress + ": " + e.getMessage());
                }
                return;
            }
        }
    }

    /** Gives a new local connection its tunnel, waiting out a reconnect once. */
    private void connect(Socket socket) {
        for (int attempt = 0; attempt < 2; attempt++) {
            TargetResolver.Resolved to = awaitActive();
            if (to == null) {
                break;
            }
            try {
                PodTunnel tunnel = tunnels.open(target.namespace(), to.pod(), to.port());
                TunnelPipe pipe = new TunnelPipe(socket, tunnel, bytesIn, bytesOut, this::broken, this::closed);
                synchronized (this) {
                    if (state.finished()) {
                        tunnel.close();
                        break;
                    }
                    pipes.add(pipe);
                    open.incrementAndGet();
                }
                pipe.start();
                notifyChanged();
                return;
            } catch (IOException e) {
                broken(e);
            }
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // refused
        }
    }

    private void closed(TunnelPipe pipe) {
        if (pipes.remove(pipe)) {
            open.decrementAndGet();
        }
        notifyChanged();
    }

    /** The pod side of a connection or check failed: go RECONNECTING and let the supervisor act. */
    private void broken(IOException e) {
        if (transition(ForwardState.RECONNECTING, e.getMessage(), ForwardState.ACTIVE)) {
            wake.release();
        }
    }

    /** Waits (bounded) until the forward is ACTIVE; null when it stopped, failed or did not recover in time. */
    private synchronized TargetResolver.Resolved awaitActive() {
        long deadline = System.nanoTime() + timings.waitForReconnect().toNanos();
        while (state != ForwardState.ACTIVE) {
            long left = deadline - System.nanoTime();
            if (state.finished() || left <= 0) {
                return null;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return resolved;
    }

    private void supervise() {
        Backoff backoff = new Backoff(timings.backoffInitial(), timings.backoffCap());
        while (!state().finished()) {
            try {
                if (state() == ForwardState.ACTIVE) {
                    wake.tryAcquire(timings.checkEvery().toMillis(), TimeUnit.MILLISECONDS);
                    TargetResolver.Resolved to = currentTarget();
                    if (state() == ForwardState.ACTIVE && to != null) {
                        try {
                            check(to);
                        } catch (IOException e) {
                            broken(e);
                        }
                    }
                } else if (state() == ForwardState.RECONNECTING) {
                    Thread.sleep(backoff.nextDelay());
                    reconnect(backoff);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void reconnect(Backoff backoff) {
        try {
            TargetResolver.Resolved next = resolveAgain();
            check(next);
            synchronized (this) {
                resolved = next;
            }
            if (transition(ForwardState.ACTIVE, lastError(), ForwardState.RECONNECTING)) {
                backoff.reset();
            }
        } catch (PortForwardException e) {
            int code = e.httpCode();
            if (code == 404 || code == 403 || code == 401) {
                fail(e.getMessage());
            } else {
                transition(ForwardState.RECONNECTING, e.getMessage(), ForwardState.RECONNECTING);
            }
        } catch (IOException | RuntimeException e) {
            transition(ForwardState.RECONNECTING, e.getMessage(), ForwardState.RECONNECTING);
        }
    }

    /** The target again; a deleted pod of a Deployment is followed to the Deployment's new ready pod. */
    private TargetResolver.Resolved resolveAgain() throws PortForwardException {
        try {
            return TargetResolver.resolve(client, target);
        } catch (PortForwardException e) {
            TargetResolver.Resolved before = currentTarget();
            boolean podGone = target.kind() == ForwardTarget.Kind.POD && e.httpCode() == 404
                    || e.getMessage().contains("is not running");
            if (podGone && before != null && before.owner() != null) {
                TargetResolver.Resolved moved = TargetResolver.resolve(client,
                        ForwardTarget.deployment(target.namespace(), before.owner(), target.port()));
                return new TargetResolver.Resolved(moved.pod(), moved.port(), before.owner());
            }
            throw e;
        }
    }

    private synchronized TargetResolver.Resolved currentTarget() {
        return resolved;
    }

    private synchronized String lastError() {
        return lastError;
    }

    private void fail(String message) {
        if (transition(ForwardState.FAILED, message)) {
            release();
        }
    }

    private void release() {
        ServerSocket s = server;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        awaitListenerClosed();
        for (TunnelPipe pipe : pipes) {
            pipe.close();
        }
        Thread t = supervisor;
        if (t != null) {
            t.interrupt();
        }
    }

    /**
     * A listening socket closed while a virtual thread waits in accept() is only released once that thread has left
     * accept(), so wait for it: a restart or the user's next program must be able to take the port at once.
     */
    private void awaitListenerClosed() {
        Thread t = acceptor;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Moves to {@code to} unless finished (or, with {@code from} given, unless in none of them); true when moved. */
    private boolean transition(ForwardState to, String error, ForwardState... from) {
        synchronized (this) {
            if (state.finished() || from.length > 0 && !Set.of(from).contains(state)) {
                return false;
            }
            state = to;
            if (error != null) {
                lastError = error;
            }
            notifyAll();
        }
        notifyChanged();
        return true;
    }

    private void notifyChanged() {
        changed.accept(status());
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return true; // listen() reports the bad address
        }
    }
}
