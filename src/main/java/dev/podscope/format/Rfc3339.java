package dev.podscope.format;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads the timestamps the API server writes ({@code 2026-11-25T09:29:26Z}, optionally with a fraction or an offset)
 * without a DateTimeFormatter, which costs more than the rest of a pod's decoding together. Anything unusual goes
 * to {@link OffsetDateTime#parse}.
 */
final class Rfc3339 {
    private Rfc3339() {
    }

    static OffsetDateTime parse(String text) {
        int n = text.length();
        if (n < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return OffsetDateTime.parse(text);
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int digits = 0;
            at++;
            while (at < n && Character.isDigit(text.charAt(at))) {
                if (digits < 9) {
                    nanos = nanos * 10 + (text.charAt(at) - '0');
                    digits++;
                }
                at++;
            }
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset;
        if (at == n - 1 && (text.charAt(at) == 'Z' || text.charAt(at) == 'z')) {
            offset = ZoneOffset.UTC;
        } else if (at == n - 6 && (text.charAt(at) == '+' || text.charAt(at) == '-') && text.charAt(at + 3) == ':') {
            int sign = text.charAt(at) == '-' ? -1 : 1;
            offset = ZoneOffset.ofHoursMinutes(sign * number(text, at + 1, 2), sign * number(text, at + 4, 2));
        } else {
            return OffsetDateTime.parse(text);
        }
        return OffsetDateTime.of(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2),
                number(text, 11, 2), number(text, 14, 2), number(text, 17, 2), nanos, offset);
    }

    private static int number(String text, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new java.time.format.DateTimeParseException("not a timestamp", text, i);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
