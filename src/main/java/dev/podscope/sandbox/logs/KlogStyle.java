package dev.podscope.sandbox.logs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The klog lines of Kubernetes' own components ({@code I1125 10:00:00.123456       1 file.go:42] msg}), with a few
 * start-up and everyday messages per component; {@code %d} in a message becomes a number.
 */
final class KlogStyle implements LogStyle {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("MMdd HH:mm:ss.SSSSSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private record Component(List<String> startup, List<String> everyday) {
    }

    private static final Component GENERIC = new Component(
            List.of("I flags.go:64] FLAG: --v=\"2\"", "I main.go:48] \"Starting\" version=\"%s\""),
            List.of("I reflector.go:376] \"Caches populated\" type=\"*v1.Pod\"", "I main.go:88] \"Sync completed\""));
    private static final Map<String, Component> COMPONENTS = Map.of(
            "kube-apiserver", new Component(
                    List.of("I options.go:228] external host was not specified, using 10.89.0.2",
                            "I server.go:142] Version: %s",
                            "I secure_serving.go:213] Serving securely on [::]:6443",
                            "I controller.go:615] quota admission added evaluator for: leases.coordination.k8s.io"),
                    List.of("I controller.go:615] quota admission added evaluator for: endpoints",
                            "I controller.go:615] quota admission added evaluator for: replicasets.apps",
                            "I trace.go:236] Trace[%d]: \"List\" url:/api/v1/pods,verb:LIST (total time: %dms)",
                            "W watcher.go:338] watch chan error: etcdserver: mvcc: required revision has been compacted")),
            "kube-scheduler", new Component(
                    List.of("I serving.go:386] Generated self-signed cert in-memory",
                            "I server.go:167] \"Starting Kubernetes Scheduler\" version=\"%s\"",
                            "I leaderelection.go:257] attempting to acquire leader lease kube-system/kube-scheduler...",
                            "I leaderelection.go:271] successfully acquired lease kube-system/kube-scheduler"),
                    List.of("I schedule_one.go:1057] \"Unable to schedule pod; no fit; waiting\" pod=\"data/ml-training\""
                                    + " err=\"0/3 nodes are available: 3 Insufficient cpu.\"",
                            "I reflector.go:376] \"Caches populated\" type=\"*v1.Node\"")),
            "kube-controller-manager", new Component(
                    List.of("I serving.go:386] Generated self-signed cert in-memory",
                            "I controllermanager.go:185] \"Starting\" version=\"%s\"",
                            "I leaderelection.go:271] successfully acquired lease kube-system/kube-controller-manager"),
                    List.of("I event.go:389] \"Event occurred\" object=\"shop/cart\" kind=\"Deployment\""
                                    + " type=\"Normal\" reason=\"ScalingReplicaSet\"",
                            "I replica_set.go:679] \"Finished syncing\" logger=\"replicaset-controller\""
                                    + " kind=\"ReplicaSet\" key=\"shop/cart\" duration=\"%dms\"",
                            "I garbagecollector.go:226] \"syncing garbage collector with updated resources from discovery\"")),
            "etcd", new Component(
                    List.of("I etcd.go:73] \"Running\" version=\"3.5.16\"", "I server.go:851] \"starting etcd server\""),
                    List.of("I index.go:214] \"compact tree index\" revision=%d",
                            "I kvstore_compaction.go:66] \"finished scheduled compaction\" compact-revision=%d")),
            "kube-proxy", new Component(
                    List.of("I server_linux.go:66] \"Using iptables proxy\"",
                            "I server.go:483] \"Version info\" version=\"%s\"",
                            "I config.go:199] \"Starting service config controller\""),
                    List.of("I proxier.go:805] \"Syncing iptables rules\"",
                            "I proxier.go:1494] \"Reloading service iptables data\" numServices=%d")),
            "kindnet", new Component(
                    List.of("I main.go:109] connected to apiserver: https://10.96.0.1:443",
                            "I main.go:139] hostIP = 10.89.0.3"),
                    List.of("I main.go:297] Handling node with IPs: map[10.89.0.3:{}]",
                            "I main.go:301] handling current node",
                            "I main.go:297] Handling node with IPs: map[10.89.0.4:{}]",
                            "I main.go:324] Node sandbox-worker-2 has CIDR [10.244.2.0/24]")));

    @Override
    public double linesPerSecond(ContainerRun run) {
        return 0.3;
    }

    @Override
    public List<String> startup(ContainerRun run, Instant at) {
        return component(run).startup().stream()
                .map(m -> klog(at, m.replace("%s", run.version()).replace("%d", "1"))).toList();
    }

    @Override
    public String line(ContainerRun run, SplittableRandom random, Instant at) {
        List<String> everyday = component(run).everyday();
        String message = everyday.get(random.nextInt(everyday.size()));
        while (message.contains("%d")) {
            message = message.replaceFirst("%d", Integer.toString(random.nextInt(3, 90_000)));
        }
        return klog(at, message);
    }

    @Override
    public List<String> stop(ContainerRun run, Instant at) {
        return List.of(klog(at, "I main.go:210] \"Received signal, shutting down\" signal=\"terminated\""));
    }

    private static Component component(ContainerRun run) {
        return COMPONENTS.getOrDefault(run.name(), GENERIC);
    }

    /** {@code message} starts with the severity letter, then file:line] text. */
    private static String klog(Instant at, String message) {
        return message.charAt(0) + TIME.format(at) + "       1 " + message.substring(2);
    }
}
