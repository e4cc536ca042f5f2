package dev.podscope.pods.detail;

/** The pod detail's tabs, in order: Ctrl+1 … Ctrl+6 choose them. */
public enum DetailTab {
    OVERVIEW("Overview"), CONTAINERS("Containers"), METRICS("Metrics"), EVENTS("Events"), LOGS("Logs"), YAML("YAML");

    private final String title;

    DetailTab(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
