package dev.podscope.sandbox.logs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The query of a {@code pods/log} request ({@code PodLogOptions}), checked as the API server checks it.
 *
 * @param container    empty when not given
 * @param tailLines    null when not given, like every optional number here
 */
public record LogQuery(String container, boolean follow, boolean previous, boolean timestamps, Long tailLines,
                       Long sinceSeconds, Instant sinceTime, Long limitBytes) {

    /** Reads the query parameters ({@code param} answers null for an absent one) of a request for pod {@code podName}. */
    public static LogQuery parse(Function<String, String> param, String podName) {
        String container = param.apply("container");
        LogQuery query = new LogQuery(container == null ? "" : container, flag(param, "follow"),
                flag(param, "previous"), flag(param, "timestamps"), number(param, "tailLines"),
                number(param, "sinceSeconds"), time(param.apply("sinceTime")), number(param, "limitBytes"));
        query.validate(podName);
        return query;
    }

    /** The checks of {@code ValidatePodLogOptions}, with its messages. */
    private void validate(String podName) {
        List<String> errors = new ArrayList<>();
        if (tailLines != null && tailLines < 0) {
            errors.add("tailLines: Invalid value: " + tailLines + ": must be greater than or equal to 0");
        }
        if (limitBytes != null && limitBytes < 1) {
            errors.add("limitBytes: Invalid value: " + limitBytes + ": must be greater than 0");
        }
        if (sinceSeconds != null && sinceTime != null) {
            errors.add(": Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified");
        } else if (sinceSeconds != null && sinceSeconds < 1) {
            errors.add("sinceSeconds: Invalid value: " + sinceSeconds + ": must be greater than 0");
        }
        if (!errors.isEmpty()) {
            throw LogRefusal.invalid(podName, errors.size() == 1 ? errors.getFirst() : errors.toString());
        }
    }

    /** The earliest line time asked for, or null when the query does not limit it. */
    Instant since(Instant now) {
        return sinceSeconds != null ? now.minusSeconds(sinceSeconds) : sinceTime;
    }

    /** Go's {@code strconv.ParseBool}, which the API server's parameter decoding uses. */
    private static boolean flag(Function<String, String> param, String name) {
        String value = param.apply(name);
        if (value == null || value.isEmpty()) {
            return false;
        }
        return switch (value) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            case "0", "f", "F", "false", "FALSE", "False" -> false;
            default -> throw LogRefusal.badRequest("strconv.ParseBool: parsing \"" + value + "\": invalid syntax");
        };
    }

    private static Long number(Function<String, String> param, String name) {
        String value = param.apply(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw LogRefusal.badRequest("strconv.ParseInt: parsing \"" + value + "\": invalid syntax");
        }
    }

    private static Instant time(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw LogRefusal.badRequest("parsing time \"" + value + "\" as RFC 3339: cannot parse");
        }
    }
}
