package dev.podscope.kube;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A bash credential plugin in a temp directory. Each run increments {@code count}, saves what it received
 * ({@code exec-info-N}, {@code seen-N}: PLUGIN_REGION|PARENT_VAR|args) and prints {@code response.json} if present,
 * else a token {@code tok-N} (expiring at PLUGIN_EXPIRES when set). PLUGIN_FAIL makes it fail with exit code 3.
 */
final class PluginScript {
    private static final String SCRIPT = """
            #!/bin/bash
            dir="$(dirname "$0")"
            n=$(( $(cat "$dir/count" 2>/dev/null || echo 0) + 1 ))
            echo "$n" > "$dir/count"
            printf '%s' "$KUBERNETES_EXEC_INFO" > "$dir/exec-info-$n"
            printf '%s|%s|%s' "$PLUGIN_REGION" "$PARENT_VAR" "$*" > "$dir/seen-$n"
            if [ -n "$PLUGIN_FAIL" ]; then echo "login failed: $PLUGIN_FAIL" >&2; exit 3; fi
            if [ -f "$dir/response.json" ]; then cat "$dir/response.json"; exit 0; fi
            exp=""
            if [ -n "$PLUGIN_EXPIRES" ]; then exp=",\\"expirationTimestamp\\":\\"$PLUGIN_EXPIRES\\""; fi
            printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"tok-%s"%s}}\\n' \\
                "${PLUGIN_API:-client.authentication.k8s.io/v1}" "$n" "$exp"
            """;

    final Path dir;
    final Path script;

    PluginScript(Path dir) throws IOException {
        this.dir = dir;
        this.script = dir.resolve("plugin");
        Files.writeString(script, SCRIPT);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    int runs() throws IOException {
        Path count = dir.resolve("count");
        return Files.exists(count) ? Integer.parseInt(Files.readString(count).strip()) : 0;
    }

    String execInfo(int run) throws IOException {
        return Files.readString(dir.resolve("exec-info-" + run));
    }

    String seen(int run) throws IOException {
        return Files.readString(dir.resolve("seen-" + run));
    }

    void respond(String json) throws IOException {
        Files.writeString(dir.resolve("response.json"), json);
    }
}
