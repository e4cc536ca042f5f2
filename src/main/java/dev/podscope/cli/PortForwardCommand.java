package dev.podscope.cli;

import dev.podscope.portforward.Forward;
import dev.podscope.portforward.ForwardManager;
import dev.podscope.portforward.ForwardState;
import dev.podscope.portforward.ForwardStatus;
import dev.podscope.portforward.ForwardTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code podscope port-forward}: kubectl's port-forward with the same arguments and "Forwarding from" lines, that
 * keeps going when the pod goes away — it re-resolves the Service or Deployment (or the pod's Deployment) and
 * reconnects, saying so on stderr. Runs until Ctrl-C; exits 1 when every forward failed for good.
 */
@Command(name = "port-forward", description = "Forward local ports to a pod, Service or Deployment, reconnecting"
        + " when the pod is replaced, as `kubectl port-forward` does.")
final class PortForwardCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TYPE/NAME", description = "pod/NAME (or NAME), svc/NAME or deploy/NAME.")
    String resource;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "[LOCAL:]REMOTE", description = "Remote port by number"
            + " or name; the local port defaults to the same number when it is free, else any free port.")
    List<String> ports;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace (default: the context's).")
    String namespace;

    @Option(names = "--address", split = ",", paramLabel = "ADDRESS", description = "Addresses to listen on,"
            + " comma separated (default: 127.0.0.1; others are reachable from the network).")
    List<String> addresses = List.of(ForwardManager.DEFAULT_ADDRESS);

    @Mixin
    ConnectionOptions cluster;

    @Override
    public Integer call() throws Exception {
        List<PortSpec> specs = new ArrayList<>();
        for (String p : ports) {
            specs.add(PortSpec.parse(p));
        }
        ClusterConnection connection = cluster.open();
        String ns = namespace != null ? namespace : connection.namespace();
        PrintStream out = System.out;
        ForwardManager manager = new ForwardManager();
        Map<Long, ForwardStatus> last = new ConcurrentHashMap<>();
        CountDownLatch allFailed = new CountDownLatch(1);
        AtomicReference<String> failure = new AtomicReference<>();
        manager.addListener(status -> {
            if (status.state() == ForwardState.FAILED) {
                failure.set(status.lastError());
            }
            report(status, last.put(status.id(), status), manager, allFailed);
        });
        Thread stopOnExit = new Thread(manager::closeAll, "podscope-port-forward-stop");
        try {
            for (PortSpec spec : specs) {
                ForwardTarget target;
                try {
                    target = ForwardTarget.parse(resource, ns, spec.remote());
                } catch (IllegalArgumentException e) {
                    throw new CliErrors.UserError(e.getMessage());
                }
                for (String address : addresses) {
                    Forward forward = manager.start(connection.context(), connection.client(), target, spec.local(), address);
                    ForwardStatus status = forward.status();
                    out.println("Forwarding from " + hostPort(address, status.localPort()) + " -> " + status.remotePort());
                    if (status.warning() != null) {
                        System.err.println("Warning: " + status.warning());
                    }
                }
            }
            out.flush();
            Runtime.getRuntime().addShutdownHook(stopOnExit); // Ctrl-C closes the listeners and connections
            allFailed.await();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } finally {
            manager.closeAll();
        }
        throw new CliErrors.UserError("the port-forward stopped: " + failure.get());
    }

    /** Prints what a user of kubectl port-forward would see, and what it does not say: reconnects. */
    private static void report(ForwardStatus now, ForwardStatus before, ForwardManager manager, CountDownLatch allFailed) {
        if (before == null) {
            return;
        }
        if (now.openConnections() > before.openConnections() && now.state() == ForwardState.ACTIVE) {
            System.out.println("Handling connection for " + now.localPort());
        }
        // start-up is reported by the caller ("Forwarding from", or the error): only later changes are news here
        if (now.state() != before.state() && before.state() != ForwardState.STARTING) {
            switch (now.state()) {
                case RECONNECTING -> System.err.println("Lost the forward to " + before.pod() + ": " + now.lastError()
                        + "; reconnecting");
                case ACTIVE -> System.err.println("Forwarding " + now.localPort() + " -> " + now.remotePort()
                        + " again, to pod " + now.pod());
                case FAILED -> System.err.println("The forward from port " + now.localPort() + " failed: " + now.lastError());
                default -> {
                }
            }
        }
        if (now.state() == ForwardState.FAILED
                && manager.list().stream().allMatch(s -> s.state().finished())) {
            allFailed.countDown();
        }
    }

    private static String hostPort(String address, int port) {
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }

    /** [LOCAL:]REMOTE as kubectl reads it; LOCAL 0 (or empty) means the same number if free, else any. */
    record PortSpec(int local, String remote) {
        static PortSpec parse(String text) {
            int colon = text.indexOf(':');
            String local = colon < 0 ? "" : text.substring(0, colon);
            String remote = colon < 0 ? text : text.substring(colon + 1);
            if (remote.isEmpty()) {
                throw new CliErrors.UserError("no remote port in '" + text + "'");
            }
            int localPort = 0;
            if (!local.isEmpty()) {
                try {
                    localPort = Integer.parseInt(local);
                } catch (NumberFormatException e) {
                    throw new CliErrors.UserError("the local port in '" + text + "' is not a number");
                }
                if (localPort < 0 || localPort > 65535) {
                    throw new CliErrors.UserError("the local port in '" + text + "' is not between 0 and 65535");
                }
            }
            return new PortSpec(localPort, remote);
        }
    }
}
