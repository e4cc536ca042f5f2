package dev.podscope.format;

import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeAddress;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.kubernetes.client.openapi.models.V1NodeSystemInfo;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Server-side printing of nodes, as upstream's {@code printNode}. */
public final class NodePrinter implements ResourcePrinter<V1Node> {

    private static final String ADDRESSES = "List of addresses reachable to the node. Queried from cloud provider, "
            + "if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This "
            + "field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data "
            + "corruption when it is merged. Callers should instead use a full-replacement patch. See "
            + "https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the "
            + "lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods "
            + "that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).";

    public static final List<ColumnDefinition> COLUMNS = List.of(
            ColumnDefinition.nameColumn(),
            ColumnDefinition.string("Status", "The status of the node"),
            ColumnDefinition.string("Roles", "The roles of the node"),
            ColumnDefinition.ageColumn(),
            ColumnDefinition.string("Version", "Kubelet Version reported by the node."),
            ColumnDefinition.wideString("Internal-IP", ADDRESSES),
            ColumnDefinition.wideString("External-IP", ADDRESSES),
            ColumnDefinition.wideString("OS-Image",
                    "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy))."),
            ColumnDefinition.wideString("Kernel-Version",
                    "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64)."),
            ColumnDefinition.wideString("Container-Runtime", "ContainerRuntime Version reported by the node through "
                    + "runtime remote API (e.g. containerd://1.4.2)."));

    private static final String ROLE_LABEL_PREFIX = "node-role.kubernetes.io/";
    private static final String ROLE_LABEL = "kubernetes.io/role";

    @Override
    public List<ColumnDefinition> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(V1Node node, Instant now) {
        V1ObjectMeta meta = node.getMetadata() == null ? new V1ObjectMeta() : node.getMetadata();
        V1NodeSystemInfo info = node.getStatus() == null || node.getStatus().getNodeInfo() == null
                ? new V1NodeSystemInfo() : node.getStatus().getNodeInfo();
        List<V1NodeAddress> addresses = node.getStatus() == null ? null : node.getStatus().getAddresses();
        return List.of(
                Text.orEmpty(meta.getName()),
                status(node),
                roles(meta.getLabels()),
                HumanDuration.since(meta.getCreationTimestamp(), now),
                Text.orEmpty(info.getKubeletVersion()),
                address(addresses, "InternalIP"),
                address(addresses, "ExternalIP"),
                orUnknown(info.getOsImage()),
                orUnknown(info.getKernelVersion()),
                orUnknown(info.getContainerRuntimeVersion()));
    }

    /** {@code Ready}/{@code NotReady} from the last Ready condition, else {@code Unknown}; cordoned adds SchedulingDisabled. */
    public static String status(V1Node node) {
        V1NodeCondition ready = null;
        List<V1NodeCondition> conditions = node.getStatus() == null ? null : node.getStatus().getConditions();
        if (conditions != null) {
            for (V1NodeCondition condition : conditions) {
                if ("Ready".equals(condition.getType())) {
                    ready = condition;
                }
            }
        }
        String status = ready == null ? "Unknown" : "True".equals(ready.getStatus()) ? "Ready" : "NotReady";
        boolean cordoned = node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
        return cordoned ? status + ",SchedulingDisabled" : status;
    }

    /** Sorted roles from {@code node-role.kubernetes.io/<role>} and {@code kubernetes.io/role=<role>}, or {@code <none>}. */
    public static String roles(Map<String, String> labels) {
        TreeSet<String> roles = new TreeSet<>();
        if (labels != null) {
            labels.forEach((key, value) -> {
                if (key.startsWith(ROLE_LABEL_PREFIX) && key.length() > ROLE_LABEL_PREFIX.length()) {
                    roles.add(key.substring(ROLE_LABEL_PREFIX.length()));
                } else if (ROLE_LABEL.equals(key) && !Text.isEmpty(value)) {
                    roles.add(value);
                }
            });
        }
        return roles.isEmpty() ? Text.NONE : String.join(",", roles);
    }

    private static String address(List<V1NodeAddress> addresses, String type) {
        if (addresses != null) {
            for (V1NodeAddress address : addresses) {
                if (type.equals(address.getType())) {
                    return Text.orEmpty(address.getAddress());
                }
            }
        }
        return Text.NONE;
    }

    private static String orUnknown(String value) {
        return Text.isEmpty(value) ? HumanDuration.UNKNOWN : value;
    }
}
