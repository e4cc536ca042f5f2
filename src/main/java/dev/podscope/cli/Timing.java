package dev.podscope.cli;

import java.util.ArrayList;
import java.util.List;

/** Wall times of repeated runs, summarised as median and range. */
record Timing(List<Double> seconds) {
    static Timing of(List<Double> seconds) {
        return new Timing(List.copyOf(seconds));
    }

    Timing plus(double run) {
        List<Double> more = new ArrayList<>(seconds);
        more.add(run);
        return of(more);
    }

    double median() {
        List<Double> sorted = seconds.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    @Override
    public String toString() {
        double min = seconds.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = seconds.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return String.format("%.3f s (%.3f-%.3f)", median(), min, max);
    }
}
