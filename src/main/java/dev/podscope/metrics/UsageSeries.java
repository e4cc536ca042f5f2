package dev.podscope.metrics;

/**
 * One container's samples in time order: the end of each metrics window (epoch seconds), CPU in millicores and
 * memory in MiB. Floats are plenty for a chart and halve the history's memory.
 */
public record UsageSeries(String container, long[] epochSeconds, float[] millicores, float[] mebibytes) {

    public int size() {
        return epochSeconds.length;
    }

    public boolean isEmpty() {
        return epochSeconds.length == 0;
    }

    /** The latest memory sample in bytes, or -1 when there is none. */
    public long lastBytes() {
        return isEmpty() ? -1 : Math.round(mebibytes[mebibytes.length - 1] * 1024.0 * 1024.0);
    }
}
