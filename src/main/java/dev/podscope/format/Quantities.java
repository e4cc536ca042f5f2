package dev.podscope.format;

import io.kubernetes.client.custom.Quantity;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Kubernetes resource quantities ({@code 250m}, {@code 12345678n}, {@code 1.5}, {@code 34567Ki}, {@code 2Gi},
 * {@code 1e3}) as whole nanocores or bytes, and the strings {@code kubectl top} prints for them: CPU as millicores
 * rounded up ({@code 12m}, Go's {@code MilliValue}), memory as whole MiB rounded down ({@code 34Mi},
 * {@code Value()/(1024*1024)}). The common suffixed integers are read without BigDecimal: the metrics poller reads
 * tens of thousands of them per poll.
 */
public final class Quantities {
    public static final long MIB = 1024L * 1024L;

    private Quantities() {
    }

    /** CPU in nanocores, rounded up as the API server's quantities round sub-nano values; 0 for null. */
    public static long nanoCores(String quantity) {
        return scaled(quantity, 9);
    }

    /** Memory (or any count) in whole units, rounded up as Go's {@code Quantity.Value()} does; 0 for null. */
    public static long bytes(String quantity) {
        return scaled(quantity, 0);
    }

    /** {@code 12m}: nanocores as millicores, rounded up. */
    public static String cpu(long nanoCores) {
        return Math.ceilDiv(nanoCores, 1_000_000L) + "m";
    }

    /** {@code 34Mi}: bytes as whole MiB, rounded down. */
    public static String memory(long bytes) {
        return bytes / MIB + "Mi";
    }

    /** Millicores as a double, for charts. */
    public static double millicores(long nanoCores) {
        return nanoCores / 1e6;
    }

    /** MiB as a double, for charts. */
    public static double mebibytes(long bytes) {
        return bytes / (double) MIB;
    }

    /** The value times 10^{@code decimals}, rounded up; throws IllegalArgumentException when it is no quantity. */
    private static long scaled(String quantity, int decimals) {
        if (quantity == null || quantity.isEmpty()) {
            return 0;
        }
        long fast = fastScaled(quantity, decimals);
        if (fast >= 0) {
            return fast;
        }
        try {
            BigDecimal value = new Quantity(quantity).getNumber();
            return value.movePointRight(decimals).setScale(0, RoundingMode.CEILING).longValueExact();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a quantity: \"" + quantity + "\"", e);
        }
    }

    /** Digits with an optional n/u/m/k/M/G/T or Ki/Mi/Gi/Ti suffix; -1 for anything else (the slow path). */
    private static long fastScaled(String text, int decimals) {
        int end = text.length();
        int digits = 0;
        long number = 0;
        while (digits < end && digits < 18 && Character.isDigit(text.charAt(digits))) {
            number = number * 10 + (text.charAt(digits) - '0');
            digits++;
        }
        if (digits == 0) {
            return -1;
        }
        String suffix = text.substring(digits);
        int exponent;
        long binary = 1;
        switch (suffix) {
            case "" -> exponent = 0;
            case "n" -> exponent = -9;
            case "u" -> exponent = -6;
            case "m" -> exponent = -3;
            case "k" -> exponent = 3;
            case "M" -> exponent = 6;
            case "G" -> exponent = 9;
            case "T" -> exponent = 12;
            case "Ki" -> { exponent = 0; binary = 1L << 10; }
            case "Mi" -> { exponent = 0; binary = 1L << 20; }
            case "Gi" -> { exponent = 0; binary = 1L << 30; }
            case "Ti" -> { exponent = 0; binary = 1L << 40; }
            default -> {
                return -1;
            }
        }
        int shift = exponent + decimals;
        try {
            long value = Math.multiplyExact(number, binary);
            if (shift >= 0) {
                for (int i = 0; i < shift; i++) {
                    value = Math.multiplyExact(value, 10);
                }
                return value;
            }
            long divisor = 1;
            for (int i = 0; i < -shift; i++) {
                divisor *= 10;
            }
            return Math.ceilDiv(value, divisor);
        } catch (ArithmeticException overflow) {
            return -1;
        }
    }
}
