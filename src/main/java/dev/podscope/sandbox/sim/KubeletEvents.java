package dev.podscope.sandbox.sim;

/** The texts of the kubelet's Events, shared by pods living now and pods whose past is made up. */
final class KubeletEvents {
    static final String READINESS_FAILED = "Readiness probe failed: HTTP probe failed with statuscode: 500";
    static final String LIVENESS_FAILED = "Liveness probe failed: HTTP probe failed with statuscode: 503";
    static final String ERR_IMAGE_PULL = "Error: ErrImagePull";
    static final String IMAGE_PULL_BACK_OFF = "Error: ImagePullBackOff";

    private KubeletEvents() {
    }

    static String pulling(String image) {
        return "Pulling image \"" + image + "\"";
    }

    static String pullFailed(String image) {
        return "Failed to pull image \"" + image + "\": " + Images.notFoundError(image);
    }

    static String pullBackOff(String image) {
        return "Back-off pulling image \"" + image + "\"";
    }
}
