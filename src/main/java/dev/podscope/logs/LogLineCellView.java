package dev.podscope.logs;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.ArrayList;
import java.util.List;

/**
 * One log line on screen: the coloured {@code [pod/container]} prefix of merged logs, the timestamp when shown, the
 * text with its ANSI colours, and the search matches highlighted behind the text. Lines longer than
 * {@link LogLineText#DISPLAY_LIMIT} are shown cut.
 */
final class LogLineCellView extends ListCell<LogLine> {
    /** Prefix colours of merged logs: distinct on light and dark themes. */
    private static final Color[] SOURCES = {Color.web("#1f77b4"), Color.web("#d62728"), Color.web("#2ca02c"),
            Color.web("#9467bd"), Color.web("#e07b00"), Color.web("#0f9fb0"), Color.web("#d050a8"), Color.web("#8c564b")};
    private static final double SCROLLBAR_ALLOWANCE = 28;

    private static final Font MONO = Font.font("DejaVu Sans Mono", 12);
    private static final Font MONO_BOLD = Font.font("DejaVu Sans Mono", FontWeight.BOLD, 12);

    private final LogViewModel model;
    private final Line graphic = new Line();
    /** What the cell shows now: rebuilding a line only when it or the way it is shown changed saves most frames. */
    private LogLine shownLine;
    private List<Object> shownAs = List.of();

    LogLineCellView(LogViewModel model) {
        this.model = model;
        getStyleClass().add("log-line");
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    /** The text's own height: a wrapped line is as tall as its rows, no more. */
    @Override
    protected double computePrefHeight(double width) {
        if (getGraphic() == null) {
            return super.computePrefHeight(width);
        }
        return snappedTopInset() + graphic.prefHeight(-1) + snappedBottomInset();
    }

    static Color sourceColour(int source) {
        return SOURCES[source % SOURCES.length];
    }

    @Override
    protected void updateItem(LogLine line, boolean empty) {
        super.updateItem(line, empty);
        if (empty || line == null) {
            shownLine = null;
            setGraphic(null);
            return;
        }
        List<Object> as = List.of(model.sources(), model.timestampsProperty().get(), model.wrapProperty().get(),
                model.search().queryProperty().get(), getIndex() == model.search().currentProperty().get());
        if (line == shownLine && as.equals(shownAs) && getGraphic() == graphic) {
            return;
        }
        shownLine = line;
        shownAs = as;
        List<Text> texts = new ArrayList<>();
        StringBuilder shown = new StringBuilder();
        String source = LogLineText.source(line, model.sources());
        if (!source.isEmpty()) {
            Text prefix = text(source, "log-source");
            prefix.setFont(MONO_BOLD);
            prefix.setFill(sourceColour(line.source()));
            texts.add(prefix);
            shown.append(source);
        }
        String time = LogLineText.timestamp(line, model.timestampsProperty().get());
        if (!time.isEmpty()) {
            texts.add(text(time, "log-time"));
            shown.append(time);
        }
        for (AnsiText.Segment segment : AnsiText.parse(LogLineText.forDisplay(line.text()))) {
            // a coloured segment must not carry log-text: the stylesheet's fill would win over the ANSI colour
            Text text = text(segment.text(), segment.foreground() == null ? "log-text" : "log-ansi");
            if (segment.foreground() != null) {
                text.setFill(Color.web(segment.foreground()));
            }
            if (segment.bold()) {
                text.setFont(MONO_BOLD);
            }
            if (segment.italic()) {
                text.setFont(Font.font("DejaVu Sans Mono", segment.bold() ? FontWeight.BOLD : FontWeight.NORMAL,
                        FontPosture.ITALIC, 12));
            }
            text.setUnderline(segment.underline());
            texts.add(text);
            shown.append(segment.text());
        }
        graphic.show(texts, matches(shown.toString()), getIndex() == model.search().currentProperty().get());
        setGraphic(graphic);
    }

    private List<int[]> matches(String shown) {
        String query = model.search().queryProperty().get();
        List<int[]> ranges = new ArrayList<>();
        for (int at = LogSearch.indexOf(shown, query, 0); at >= 0; at = LogSearch.indexOf(shown, query, at + query.length())) {
            ranges.add(new int[]{at, at + query.length()});
        }
        return ranges;
    }

    private static Text text(String content, String styleClass) {
        Text text = new Text(content);
        // set here rather than in CSS: the layout below must not wait for a CSS pass to know the font
        text.setFont(MONO);
        text.getStyleClass().add(styleClass);
        return text;
    }

    /** The text flow with a path behind it that marks the search matches; wraps to the list's width when asked. */
    private final class Line extends Region {
        private final TextFlow flow = new TextFlow();
        private final Path highlights = new Path();
        private List<int[]> ranges = List.of();

        Line() {
            highlights.getStyleClass().add("log-match");
            highlights.setManaged(false);
            getChildren().addAll(highlights, flow);
        }

        void show(List<Text> texts, List<int[]> matches, boolean current) {
            flow.getChildren().setAll(texts);
            // cells are refilled in the middle of the list's layout: lay the text out now, or the bounds pass of
            // this very pulse meets text runs that have no position yet
            flow.layout();
            ranges = matches;
            highlights.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("current"), current);
            requestLayout();
        }

        private double wrapWidth() {
            return model.wrapProperty().get() && getListView() != null
                    ? Math.max(50, getListView().getWidth() - SCROLLBAR_ALLOWANCE) : -1;
        }

        @Override
        protected double computePrefWidth(double height) {
            double wrap = wrapWidth();
            return wrap > 0 ? wrap : flow.prefWidth(-1);
        }

        @Override
        protected double computePrefHeight(double width) {
            return flow.prefHeight(wrapWidth());
        }

        @Override
        protected double computeMinWidth(double height) {
            return computePrefWidth(height);
        }

        @Override
        protected void layoutChildren() {
            double wrap = wrapWidth();
            double width = wrap > 0 ? wrap : flow.prefWidth(-1);
            flow.resizeRelocate(0, 0, width, flow.prefHeight(wrap));
            List<PathElement> elements = new ArrayList<>();
            for (int[] range : ranges) {
                elements.addAll(List.of(flow.rangeShape(range[0], range[1])));
            }
            highlights.getElements().setAll(elements);
        }
    }
}
