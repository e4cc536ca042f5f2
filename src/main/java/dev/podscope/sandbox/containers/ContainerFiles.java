package dev.podscope.sandbox.containers;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The few files a simulated container has, with the contents the kubelet and image would give them. */
final class ContainerFiles {
    private static final String SERVICE_ACCOUNT = "/var/run/secrets/kubernetes.io/serviceaccount/";

    private ContainerFiles() {
    }

    static Map<String, String> of(V1Pod pod, V1Container container) {
        String name = pod.getMetadata().getName();
        String namespace = pod.getMetadata().getNamespace();
        String ip = pod.getStatus() == null || pod.getStatus().getPodIP() == null ? "10.244.0.2"
                : pod.getStatus().getPodIP();
        Map<String, String> files = new TreeMap<>();
        files.put("/etc/hostname", name + "\n");
        files.put("/etc/hosts", """
                # Kubernetes-managed hosts file.
                127.0.0.1\tlocalhost
                ::1\tlocalhost ip6-localhost ip6-loopback
                fe00::0\tip6-localnet
                fe00::0\tip6-mcastprefix
                fe00::1\tip6-allnodes
                fe00::2\tip6-allrouters
                %s\t%s
                """.formatted(ip, name));
        files.put("/etc/resolv.conf", """
                search %s.svc.cluster.local svc.cluster.local cluster.local
                nameserver 10.96.0.10
                options ndots:5
                """.formatted(namespace));
        files.put("/etc/os-release", """
                NAME="Alpine Linux"
                ID=alpine
                VERSION_ID=3.20.3
                PRETTY_NAME="Alpine Linux v3.20"
                HOME_URL="https://alpinelinux.org/"
                """);
        files.put("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n");
        files.put(SERVICE_ACCOUNT + "namespace", namespace);
        files.put(SERVICE_ACCOUNT + "token", "(projected service account token)\n");
        files.put(SERVICE_ACCOUNT + "ca.crt", "-----BEGIN CERTIFICATE-----\n(cluster CA)\n-----END CERTIFICATE-----\n");
        files.put("/proc/1/cmdline", String.join("\u0000", command(container)) + "\u0000");
        files.put("/tmp/healthy", "ok\n");
        return files;
    }

    /** The names directly under {@code dir} (files and subdirectories), sorted; empty when there is no such dir. */
    static List<String> list(Map<String, String> files, String dir) {
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        TreeMap<String, Boolean> names = new TreeMap<>();
        if (prefix.equals("/")) {
            for (String top : List.of("bin", "dev", "etc", "home", "lib", "proc", "root", "run", "sbin", "sys", "tmp",
                    "usr", "var")) {
                names.put(top, true);
            }
        }
        for (String path : files.keySet()) {
            if (path.startsWith(prefix)) {
                String rest = path.substring(prefix.length());
                names.put(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest, true);
            }
        }
        return List.copyOf(names.keySet());
    }

    static boolean isDirectory(Map<String, String> files, String path) {
        return !list(files, path).isEmpty();
    }

    private static List<String> command(V1Container container) {
        if (container.getCommand() != null && !container.getCommand().isEmpty()) {
            return container.getCommand();
        }
        String image = container.getImage() == null ? "app" : container.getImage();
        String repository = image.contains(":") ? image.substring(0, image.lastIndexOf(':')) : image;
        return List.of(repository.substring(repository.lastIndexOf('/') + 1));
    }
}
