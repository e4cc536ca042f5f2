package dev.podscope.bundle;

/** Hears what an export is doing: a step for people ("Logs of shop/cart-7d9f…") and the fraction done, 0 to 1. */
@FunctionalInterface
public interface BundleProgress {
    BundleProgress NONE = (step, fraction) -> { };

    void report(String step, double fraction);
}
