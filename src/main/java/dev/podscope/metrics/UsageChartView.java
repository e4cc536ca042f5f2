package dev.podscope.metrics;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.time.Instant;
import java.util.Locale;

/**
 * A light line chart on a canvas: one series over a time window, with the request (amber, dashed) and limit (red,
 * dashed) as horizontal lines. A canvas redraw of a few hundred points costs well under a millisecond, where a
 * LineChart rebuilds nodes for every point on each update. Colours read on light and dark themes alike.
 */
final class UsageChartView extends Region {
    private static final Color GRID = Color.gray(0.5, 0.25);
    private static final Color TEXT = Color.gray(0.55);
    private static final Color REQUEST = Color.web("#d97706");
    private static final Color LIMIT = Color.web("#dc2626");
    private static final Font SMALL = Font.font(10.5);
    private static final double LEFT = 44;
    private static final double RIGHT = 8;
    private static final double TOP = 20;
    private static final double BOTTOM = 18;

    private final Canvas canvas = new Canvas();
    private final String title;
    private final String unit;
    private final Color line;
    private volatile long[] times = new long[0];
    private volatile float[] values = new float[0];
    private Double request;
    private Double limit;
    private Instant end = Instant.EPOCH;
    private long windowSeconds = 300;

    UsageChartView(String title, String unit, Color line) {
        this.title = title;
        this.unit = unit;
        this.line = line;
        getStyleClass().add("usage-chart");
        getChildren().add(canvas);
        setMinSize(200, 120);
        setPrefSize(360, 150);
    }

    void show(long[] newTimes, float[] newValues, Double newRequest, Double newLimit, Instant newEnd, long window) {
        times = newTimes;
        values = newValues;
        request = newRequest;
        limit = newLimit;
        end = newEnd;
        windowSeconds = window;
        draw();
    }

    /** The newest value as the title shows it, for tests. */
    String latestText() {
        return values.length == 0 ? "" : format(values[values.length - 1]);
    }

    int points() {
        return values.length;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (w < LEFT + RIGHT + 10 || h < TOP + BOTTOM + 10) {
            return;
        }
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        double max = niceMax(maxValue());
        g.setFont(SMALL);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(TEXT);
        g.setTextAlign(TextAlignment.LEFT);
        String latest = values.length == 0 ? "–" : format(values[values.length - 1]) + " " + unit;
        g.fillText(title + "   " + latest, 2, TOP / 2);
        g.setLineWidth(1);
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotH - plotH * i / 4;
            g.setStroke(GRID);
            g.strokeLine(LEFT, y, w - RIGHT, y);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(format(max * i / 4), LEFT - 4, y);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("-" + windowText(), LEFT, h - BOTTOM / 2);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("now", w - RIGHT, h - BOTTOM / 2);
        horizontal(g, request, REQUEST, "request", max, plotW, plotH);
        horizontal(g, limit, LIMIT, "limit", max, plotW, plotH);
        g.setLineDashes();
        g.setStroke(line);
        g.setLineWidth(1.8);
        long start = end.getEpochSecond() - windowSeconds;
        g.beginPath();
        for (int i = 0; i < values.length; i++) {
            double x = LEFT + plotW * (times[i] - start) / windowSeconds;
            double y = TOP + plotH - plotH * values[i] / max;
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
        if (values.length == 1) {
            double x = LEFT + plotW * (times[0] - start) / windowSeconds;
            double y = TOP + plotH - plotH * values[0] / max;
            g.setFill(line);
            g.fillOval(x - 2.5, y - 2.5, 5, 5);
        }
    }

    private void horizontal(GraphicsContext g, Double value, Color color, String label, double max, double plotW,
                            double plotH) {
        if (value == null) {
            return;
        }
        double y = TOP + plotH - plotH * value / max;
        g.setStroke(color);
        g.setLineWidth(1.2);
        g.setLineDashes(6, 4);
        g.strokeLine(LEFT, y, LEFT + plotW, y);
        g.setFill(color);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(label + " " + format(value), LEFT + plotW - 2, y - 7);
        g.setFill(TEXT);
    }

    private double maxValue() {
        double max = 0;
        for (float v : values) {
            max = Math.max(max, v);
        }
        if (limit != null) {
            max = Math.max(max, limit);
        }
        if (request != null) {
            max = Math.max(max, request);
        }
        return max;
    }

    /** 1, 2 or 5 times a power of ten above {@code value} (with room for the labels of the lines). */
    static double niceMax(double value) {
        double target = Math.max(value * 1.12, 1);
        double power = Math.pow(10, Math.floor(Math.log10(target)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= target) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private String windowText() {
        return windowSeconds >= 3600 && windowSeconds % 3600 == 0 ? windowSeconds / 3600 + "h" : windowSeconds / 60 + "m";
    }

    private static String format(double value) {
        if (value >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }
}
