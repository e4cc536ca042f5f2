package dev.podscope.sandbox.sim;

/** A pod's namespace and name. */
public record PodRef(String namespace, String name) {
    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
