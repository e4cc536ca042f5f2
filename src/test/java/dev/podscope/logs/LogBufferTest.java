package dev.podscope.logs;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogBufferTest {

    @Test
    void keepsTheNewestLinesAndDropsTheOldestInBulk() {
        LogBuffer buffer = new LogBuffer(5);
        assertThat(buffer.append(lines(0, 3))).isZero();
        assertThat(buffer.append(lines(3, 7))).isEqualTo(2);
        assertThat(buffer.size()).isEqualTo(5);
        assertThat(texts(buffer)).containsExactly("2", "3", "4", "5", "6");
    }

    @Test
    void aBatchLargerThanTheBufferKeepsItsTail() {
        LogBuffer buffer = new LogBuffer(4);
        buffer.append(lines(0, 2));
        assertThat(buffer.append(lines(2, 12))).isEqualTo(8);
        assertThat(texts(buffer)).containsExactly("8", "9", "10", "11");
        assertThat(buffer.appended()).isEqualTo(12);
        assertThatThrownBy(() -> buffer.get(4)).isInstanceOf(IndexOutOfBoundsException.class);
        buffer.clear();
        assertThat(buffer.size()).isZero();
    }

    private static List<LogLine> lines(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> new LogLine(0, null, Integer.toString(i))).toList();
    }

    private static List<String> texts(LogBuffer buffer) {
        return IntStream.range(0, buffer.size()).mapToObj(i -> buffer.get(i).text()).toList();
    }
}
