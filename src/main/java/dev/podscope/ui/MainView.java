package dev.podscope.ui;

/** What the main window shows in its centre. */
public enum MainView {
    PODS, EVENTS
}
