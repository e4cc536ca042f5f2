package dev.podscope.diagnosis;

/** How bad a diagnosed problem is: WARNING may heal by itself (pending, probes), ERROR needs a fix. */
public enum Severity {
    INFO, WARNING, ERROR
}
