package dev.podscope.portforward;

import java.util.Locale;

/** Byte counters for people: "0 B", "812 B", "4.5 KiB", "12 MiB", "1.3 GiB" (binary units, one decimal below 10). */
public final class ByteCount {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private ByteCount() {
    }

    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = value < 10 ? String.format(Locale.ROOT, "%.1f", value) : Long.toString(Math.round(value));
        return number + " " + UNITS[unit];
    }
}
