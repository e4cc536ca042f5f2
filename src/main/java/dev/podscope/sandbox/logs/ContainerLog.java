package dev.podscope.sandbox.logs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * The log of one container run, a pure function of (pod uid, container, instance), its style and its times. Nothing
 * is stored: the log is a start-up block, then one block per second of the run whose line count and lines follow
 * from a random generator seeded by that second, then (once the run is over) a block with its last words. Any
 * stretch, and any tail, is computed on demand, so a container running for a month costs no more than a new one.
 * <p>
 * Like a kubelet that rotates log files, only the last {@value #MAX_LINES} lines (and at most two days) are kept.
 */
final class ContainerLog {
    static final int MAX_LINES = 10_000;
    static final Duration MAX_AGE = Duration.ofDays(2);
    private static final long SECOND = 1_000_000_000L;
    private static final long STARTUP_STEP = 12_000_000L;
    /** The status's finishedAt is truncated to seconds: the last words come within the second that follows. */
    private static final long ENDING_DELAY = 500_000_000L;
    private static final long ENDING_STEP = 200_000L;
    /** From this many lines a second on, a log is a flood (see FloodStyle). */
    private static final double FLOOD_RATE = 1000;

    private final ContainerRun run;
    private final LogStyle style;
    private final long seed;
    private final double rate;
    private final List<LogLine> startup;
    private final List<LogLine> ending;
    /** The first block after the per-second blocks: the ending's index, or unbounded while the run goes on. */
    private final long endBlock;
    /** A follower reads the current second's block on every poll: computing it once per second is enough. */
    private long cachedBlock = -1;
    private List<LogLine> cachedLines;

    ContainerLog(ContainerRun run) {
        this.run = run;
        this.style = LogStyles.of(run);
        this.seed = mix(fnv(run.podUid() + "/" + run.name() + "/" + run.instance()));
        this.rate = run.failsAtStartup() ? 0 : style.linesPerSecond(run);
        List<String> startupLines = style.startup(run, run.started());
        this.startup = stamp(run.failsAtStartup()
                ? startupLines.subList(0, Math.min(startupLines.size(), style.startupLinesBeforeFailure()))
                : startupLines, run.started(), STARTUP_STEP);
        if (run.running()) {
            this.ending = List.of();
            this.endBlock = Long.MAX_VALUE;
        } else {
            Instant at = lastWordsStart();
            this.ending = stamp(lastWords(at), at, ENDING_STEP);
            this.endBlock = Math.max(1, Duration.between(run.started(), run.finished()).toSeconds());
        }
    }

    ContainerRun run() {
        return run;
    }

    /** Where the log ends: now while the run goes on, after its last words once it is over. */
    Instant end(Instant now) {
        if (run.running()) {
            return now;
        }
        return run.finished().plusNanos(ENDING_DELAY + (ending.size() + 1) * ENDING_STEP);
    }

    /** When a finished run's last words begin. */
    Instant lastWordsStart() {
        return run.finished().plusNanos(ENDING_DELAY);
    }

    /** The lines stamped at or after {@code from} and before {@code to}, computed as they are iterated. */
    Iterator<LogLine> lines(Instant from, Instant to) {
        return new Lines(from, to);
    }

    /** Where the kept log begins when it ends at {@code to}: the rest has been rotated away. */
    Instant retainedFrom(Instant to) {
        Instant oldest = to.minus(MAX_AGE);
        long last = blockAt(to);
        long kept = 0;
        for (long block = last; block >= 0; block--) {
            Instant start = blockStart(block);
            kept += block == last ? countBefore(block, to) : count(block);
            if (kept >= MAX_LINES || start.isBefore(oldest)) {
                return start;
            }
        }
        return run.started();
    }

    /** The time of the first of the last {@code n} lines before {@code to}, looking no further back than {@code floor}. */
    Instant tailStart(long n, Instant to, Instant floor) {
        if (n == 0) {
            return to;
        }
        long last = blockAt(to);
        long needed = n;
        for (long block = last; block >= 0 && !blockEnd(block).isBefore(floor); block--) {
            long inBlock = block == last ? countBefore(block, to) : count(block);
            if (inBlock >= needed) {
                List<LogLine> lines = linesOf(block);
                return lines.get((int) (inBlock - needed)).time();
            }
            needed -= inBlock;
        }
        return floor;
    }

    private List<String> lastWords(Instant at) {
        int code = run.exitCode();
        return switch (code) {
            case 0, 143 -> style.stop(run, at);
            case 137 -> style.outOfMemory(run, at);
            default -> style.crash(run, code, at);
        };
    }

    private long blockAt(Instant time) {
        if (!run.running() && !time.isBefore(blockStart(endBlock))) {
            return endBlock;
        }
        if (time.isBefore(run.started().plusSeconds(1))) {
            return 0;
        }
        long second = Duration.between(run.started(), time).toSeconds();
        return run.running() ? second : Math.min(second, endBlock - 1);
    }

    private Instant blockStart(long block) {
        if (block == endBlock) {
            return lastWordsStart();
        }
        return run.started().plusSeconds(block);
    }

    private Instant blockEnd(long block) {
        return block == endBlock ? end(run.finished()) : run.started().plusSeconds(block + 1);
    }

    private long count(long block) {
        if (block == 0) {
            return startup.size();
        }
        if (block == endBlock) {
            return ending.size();
        }
        return lineCount(slotRandom(block), block);
    }

    private long countBefore(long block, Instant to) {
        return linesOf(block).stream().filter(l -> l.time().isBefore(to)).count();
    }

    private List<LogLine> linesOf(long block) {
        if (block == 0) {
            return startup;
        }
        if (block == endBlock) {
            return ending;
        }
        if (block != cachedBlock) {
            cachedLines = computeLines(block);
            cachedBlock = block;
        }
        return cachedLines;
    }

    private List<LogLine> computeLines(long block) {
        SplittableRandom random = slotRandom(block);
        int n = lineCount(random, block);
        long[] offsets = new long[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = random.nextLong(SECOND);
        }
        Arrays.sort(offsets);
        List<LogLine> lines = new ArrayList<>(n);
        Instant second = run.started().plusSeconds(block);
        for (long offset : offsets) {
            Instant at = second.plusNanos(offset);
            lines.add(new LogLine(at, style.line(run, random, at)));
        }
        return lines;
    }

    /** Poisson-distributed around the style's rate, which itself swings from minute to minute. */
    private int lineCount(SplittableRandom random, long block) {
        if (rate >= FLOOD_RATE) {
            // a load generator writes steadily; Poisson by products would underflow at this rate
            return (int) Math.max(0, Math.round(rate + Math.sqrt(rate) * random.nextGaussian()));
        }
        double swing = 0.4 + 1.2 * ((mix(seed ^ (block / 60) * 0x632BE59BD9B4E019L) >>> 11) * 0x1.0p-53);
        double lambda = rate * swing;
        if (lambda <= 0) {
            return 0;
        }
        double limit = Math.exp(-lambda);
        double p = random.nextDouble();
        int k = 0;
        while (p > limit) {
            k++;
            p *= random.nextDouble();
        }
        return k;
    }

    private SplittableRandom slotRandom(long block) {
        return new SplittableRandom(mix(seed + block * 0x9E3779B97F4A7C15L));
    }

    private static List<LogLine> stamp(List<String> texts, Instant first, long stepNanos) {
        List<LogLine> lines = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            lines.add(new LogLine(first.plusNanos(i * stepNanos), texts.get(i)));
        }
        return List.copyOf(lines);
    }

    /** SplitMix64's finalizer: spreads nearby seeds (consecutive seconds) into unrelated ones. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long fnv(String text) {
        long hash = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xFF)) * 0x100000001B3L;
        }
        return hash;
    }

    /** Walks the blocks from the one holding {@code from}, materializing one block at a time. */
    private final class Lines implements Iterator<LogLine> {
        private final Instant from;
        private final Instant to;
        private final long lastBlock;
        private long block;
        private List<LogLine> current = List.of();
        private int index;
        private LogLine next;

        Lines(Instant from, Instant to) {
            this.from = from;
            this.to = to;
            this.lastBlock = blockAt(to);
            this.block = blockAt(from) - 1;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                if (index < current.size()) {
                    LogLine line = current.get(index++);
                    if (!line.time().isBefore(to)) {
                        block = lastBlock;
                        current = List.of();
                    } else if (!line.time().isBefore(from)) {
                        next = line;
                    }
                } else if (block < lastBlock) {
                    block++;
                    current = linesOf(block);
                    index = 0;
                } else {
                    return false;
                }
            }
            return true;
        }

        @Override
        public LogLine next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            LogLine line = next;
            next = null;
            return line;
        }
    }
}
