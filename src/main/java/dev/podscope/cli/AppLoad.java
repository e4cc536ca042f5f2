package dev.podscope.cli;

/** What one headless app launch reported: seconds from process start to a full table, rows, heap and RSS. */
record AppLoad(double seconds, int rows, long heapMb, long rssMb) {
    /** Parses the app's report line: {@code podscope-loaded rows=N heapMb=H rssMb=R}. */
    static AppLoad parse(String line, double seconds) {
        int rows = 0;
        long heap = 0;
        long rss = 0;
        for (String field : line.split(" ")) {
            String[] kv = field.split("=", 2);
            if (kv.length == 2) {
                switch (kv[0]) {
                    case "rows" -> rows = Integer.parseInt(kv[1]);
                    case "heapMb" -> heap = Long.parseLong(kv[1]);
                    case "rssMb" -> rss = Long.parseLong(kv[1]);
                    default -> { }
                }
            }
        }
        return new AppLoad(seconds, rows, heap, rss);
    }
}
