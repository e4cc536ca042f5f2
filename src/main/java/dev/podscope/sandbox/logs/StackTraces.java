package dev.podscope.sandbox.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a crashing process leaves on stderr: a Java exception for exit code 1, a Go panic for exit code 2 (the code
 * the Go runtime exits with). The same image always fails the same way, as a crash-looping container does.
 */
final class StackTraces {
    private StackTraces() {
    }

    static List<String> forExit(ContainerRun run, int exitCode) {
        return switch (exitCode) {
            case 1 -> java(run);
            case 2 -> goPanic(run);
            default -> List.of();
        };
    }

    static List<String> java(ContainerRun run) {
        String pkg = "com.example." + identifier(run.namespace()) + "." + identifier(run.name());
        String app = className(run.name()) + "Application";
        List<String> lines = new ArrayList<>();
        switch (Math.floorMod(run.image().hashCode(), 3)) {
            case 0 -> {
                lines.add("Exception in thread \"main\" java.lang.IllegalStateException: Failed to initialize"
                        + " connection pool for jdbc:postgresql://postgres.data.svc.cluster.local:5432/"
                        + identifier(run.name()));
                lines.add("\tat " + pkg + ".db.ConnectionPool.start(ConnectionPool.java:118)");
                lines.add("\tat " + pkg + "." + app + ".init(" + app + ".java:64)");
                lines.add("\tat " + pkg + "." + app + ".main(" + app + ".java:31)");
                lines.add("Caused by: java.net.ConnectException: Connection refused");
                lines.add("\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)");
                lines.add("\tat java.base/sun.nio.ch.Net.pollConnectNow(Net.java:682)");
                lines.add("\tat java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(NioSocketImpl.java:542)");
                lines.add("\tat java.base/sun.nio.ch.NioSocketImpl.connect(NioSocketImpl.java:592)");
                lines.add("\tat java.base/java.net.Socket.connect(Socket.java:751)");
                lines.add("\tat org.postgresql.core.PGStream.createSocket(PGStream.java:243)");
                lines.add("\tat org.postgresql.core.PGStream.<init>(PGStream.java:98)");
                lines.add("\tat org.postgresql.core.v3.ConnectionFactoryImpl.tryConnect(ConnectionFactoryImpl.java:132)");
                lines.add("\t... 3 more");
            }
            case 1 -> {
                String variable = run.name().toUpperCase(Locale.ROOT).replace('-', '_') + "_API_TOKEN";
                lines.add("Exception in thread \"main\" java.lang.IllegalArgumentException: Required environment"
                        + " variable " + variable + " is not set");
                lines.add("\tat " + pkg + ".config.Settings.require(Settings.java:52)");
                lines.add("\tat " + pkg + ".config.Settings.load(Settings.java:27)");
                lines.add("\tat " + pkg + "." + app + ".main(" + app + ".java:22)");
            }
            default -> {
                lines.add("Exception in thread \"main\" java.lang.NullPointerException: Cannot invoke"
                        + " \"String.length()\" because \"token\" is null");
                lines.add("\tat " + pkg + ".auth.TokenVerifier.verify(TokenVerifier.java:41)");
                lines.add("\tat " + pkg + ".auth.ServiceAccount.login(ServiceAccount.java:77)");
                lines.add("\tat " + pkg + "." + app + ".init(" + app + ".java:58)");
                lines.add("\tat " + pkg + "." + app + ".main(" + app + ".java:31)");
            }
        }
        return lines;
    }

    static List<String> goPanic(ContainerRun run) {
        String source = "/src/cmd/" + run.name();
        return List.of(
                "panic: runtime error: invalid memory address or nil pointer dereference",
                "[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x7a3f2c]",
                "",
                "goroutine 1 [running]:",
                "main.(*server).routes(0x0)",
                "\t" + source + "/server.go:88 +0x2c",
                "main.run({0x9e3c40, 0xc0000a2000})",
                "\t" + source + "/main.go:61 +0x3a5",
                "main.main()",
                "\t" + source + "/main.go:27 +0x65");
    }

    private static String identifier(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String className(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.isEmpty() ? "Main" : out.toString();
    }
}
