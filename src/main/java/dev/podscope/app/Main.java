package dev.podscope.app;

import dev.podscope.cli.PodscopeCommand;

/** Entry point of the launcher: the CLI, which opens the desktop app when no command is given. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = PodscopeCommand.run(args, DesktopLauncher::launch);
        System.exit(code);
    }
}
