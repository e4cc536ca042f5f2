package dev.podscope.describe;

import io.kubernetes.client.openapi.models.V1DownwardAPIVolumeFile;
import io.kubernetes.client.openapi.models.V1ProjectedVolumeSource;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeProjection;
import java.util.List;

/** describe.go's describeVolumes for the volume types pods commonly use; others print as kubectl's default. */
final class VolumeDescriber {

    private VolumeDescriber() {
    }

    static void volumes(DescribeWriter w, List<V1Volume> volumes) {
        if (volumes == null || volumes.isEmpty()) {
            w.write(0, "Volumes:\t<none>\n");
            return;
        }
        w.write(0, "Volumes:\n");
        for (V1Volume v : volumes) {
            w.write(1, v.getName() + ":\n");
            if (v.getHostPath() != null) {
                w.write(2, "Type:\tHostPath (bare host directory volume)\n    Path:\t" + v.getHostPath().getPath()
                        + "\n    HostPathType:\t" + (v.getHostPath().getType() == null ? "<none>" : v.getHostPath().getType()) + "\n");
            } else if (v.getEmptyDir() != null) {
                var e = v.getEmptyDir();
                String size = e.getSizeLimit() != null && e.getSizeLimit().getNumber().signum() > 0
                        ? GoText.quantity(e.getSizeLimit()) : "<unset>";
                w.write(2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t"
                        + GoText.orEmpty(e.getMedium()) + "\n    SizeLimit:\t" + size + "\n");
            } else if (v.getSecret() != null) {
                w.write(2, "Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t"
                        + GoText.orEmpty(v.getSecret().getSecretName()) + "\n    Optional:\t"
                        + GoText.goBool(v.getSecret().getOptional()) + "\n");
            } else if (v.getConfigMap() != null) {
                w.write(2, "Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t"
                        + GoText.orEmpty(v.getConfigMap().getName()) + "\n    Optional:\t"
                        + GoText.goBool(v.getConfigMap().getOptional()) + "\n");
            } else if (v.getPersistentVolumeClaim() != null) {
                w.write(2, "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n"
                        + "    ClaimName:\t" + v.getPersistentVolumeClaim().getClaimName() + "\n    ReadOnly:\t"
                        + GoText.goBool(v.getPersistentVolumeClaim().getReadOnly()) + "\n");
            } else if (v.getDownwardAPI() != null) {
                w.write(2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n");
                if (v.getDownwardAPI().getItems() != null) {
                    for (V1DownwardAPIVolumeFile f : v.getDownwardAPI().getItems()) {
                        if (f.getFieldRef() != null) {
                            w.write(3, f.getFieldRef().getFieldPath() + " -> " + f.getPath() + "\n");
                        }
                        if (f.getResourceFieldRef() != null) {
                            w.write(3, f.getResourceFieldRef().getResource() + " -> " + f.getPath() + "\n");
                        }
                    }
                }
            } else if (v.getProjected() != null) {
                projected(w, v.getProjected());
            } else {
                w.write(1, "<unknown>\n");
            }
        }
    }

    private static void projected(DescribeWriter w, V1ProjectedVolumeSource p) {
        w.write(2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
        if (p.getSources() == null) {
            return;
        }
        for (V1VolumeProjection s : p.getSources()) {
            if (s.getSecret() != null) {
                w.write(2, "SecretName:\t" + GoText.orEmpty(s.getSecret().getName()) + "\n    SecretOptionalName:\t"
                        + GoText.boolPointer(s.getSecret().getOptional()) + "\n");
            } else if (s.getDownwardAPI() != null) {
                w.write(2, "DownwardAPI:\ttrue\n");
            } else if (s.getConfigMap() != null) {
                w.write(2, "ConfigMapName:\t" + GoText.orEmpty(s.getConfigMap().getName()) + "\n    ConfigMapOptional:\t"
                        + GoText.boolPointer(s.getConfigMap().getOptional()) + "\n");
            } else if (s.getServiceAccountToken() != null) {
                Long exp = s.getServiceAccountToken().getExpirationSeconds();
                w.write(2, "TokenExpirationSeconds:\t" + (exp == null ? 0 : exp) + "\n");
            }
        }
    }
}
