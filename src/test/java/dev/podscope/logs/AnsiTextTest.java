package dev.podscope.logs;

import dev.podscope.logs.AnsiText.Segment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnsiTextTest {
    private static final String E = "\u001b";

    @Test
    void plainTextIsOneSegment() {
        assertThat(AnsiText.parse("hello")).containsExactly(new Segment("hello", null, null, false, false, false));
        assertThat(AnsiText.strip("hello")).isEqualTo("hello");
    }

    @Test
    void sgrColoursBecomeSegments() {
        String line = E + "[2m12:00:01.002" + E + "[0m " + E + "[1;31mERROR" + E + "[0m [" + E + "[36mRouter" + E
                + "[0m] boom";
        assertThat(AnsiText.parse(line)).containsExactly(
                new Segment("12:00:01.002", null, null, false, false, false),
                new Segment(" ", null, null, false, false, false),
                new Segment("ERROR", "#cd3131", null, true, false, false),
                new Segment(" [", null, null, false, false, false),
                new Segment("Router", "#11a8cd", null, false, false, false),
                new Segment("] boom", null, null, false, false, false));
        assertThat(AnsiText.strip(line)).isEqualTo("12:00:01.002 ERROR [Router] boom");
    }

    @Test
    void extendedColoursAndResets() {
        assertThat(AnsiText.parse(E + "[38;5;196mred" + E + "[39m" + E + "[48;2;0;128;255;4mblue" + E + "[24;49mx"))
                .containsExactly(new Segment("red", "#ff0000", null, false, false, false),
                        new Segment("blue", null, "#0080ff", false, false, true),
                        new Segment("x", null, null, false, false, false));
        assertThat(AnsiText.parse(E + "[93mbright" + E + "[mplain")).containsExactly(
                new Segment("bright", "#d7ba00", null, false, false, false),
                new Segment("plain", null, null, false, false, false));
    }

    @Test
    void otherEscapesAreDropped() {
        String line = E + "]0;title" + "\u0007" + E + "[2K" + E + "[1Gprogress 50%" + E + "(B done" + E + "[";
        assertThat(AnsiText.strip(line)).isEqualTo("progress 50% done");
        assertThat(AnsiText.parse(line)).extracting(Segment::text).containsExactly("progress 50% done");
    }
}
