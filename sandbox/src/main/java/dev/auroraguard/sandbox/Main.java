package dev.auroraguard.sandbox;

import dev.auroraguard.sandbox.cli.Command;
import dev.auroraguard.sandbox.cli.UsageException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The {@code ./aurora-guard} command line. Exit codes: 0 success, 1 failure, 2 usage error. */
public final class Main {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    private final Map<String, Command> commands = new LinkedHashMap<>();

    Main(List<Command> commands) {
        commands.forEach(c -> this.commands.put(c.name(), c));
    }

    static Main withAllCommands() {
        return new Main(List.of(
                new DemoCommand(),
                new SandboxCommand(),
                new InvokeCommand(),
                new PlanRetentionCommand()));
    }

    public static void main(String[] args) {
        quietLibraryLogs();
        int code = withAllCommands().run(Arrays.asList(args), System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /**
     * The simulator logs its start and stop through java.util.logging; the commands say what matters
     * themselves. {@code AURORA_GUARD_LOG=debug} brings the library logs back.
     */
    private static void quietLibraryLogs() {
        boolean debug = "debug".equalsIgnoreCase(System.getenv("AURORA_GUARD_LOG"));
        LIBRARY_LOGGER.setLevel(debug ? Level.ALL : Level.WARNING);
    }

    // Held in a field: java.util.logging keeps only weak references to configured loggers.
    private static final Logger LIBRARY_LOGGER = Logger.getLogger("dev.auroraguard.simulator");

    int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || isHelp(args.get(0))) {
            out.print(overview());
            return args.isEmpty() ? EXIT_USAGE : EXIT_OK;
        }
        String name = args.get(0);
        Command command = commands.get(name);
        if (command == null) {
            err.println("aurora-guard: unknown command '" + name + "' (commands: "
                    + String.join(", ", commands.keySet()) + "; see ./aurora-guard --help)");
            return EXIT_USAGE;
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.stream().anyMatch(Main::isHelp)) {
            out.print(command.usage());
            return EXIT_OK;
        }
        try {
            return command.run(rest, out, err);
        } catch (UsageException e) {
            err.println("aurora-guard " + e.getMessage());
            return EXIT_USAGE;
        } catch (Exception e) {
            err.println("aurora-guard " + name + ": failed: " + describe(e));
            return EXIT_FAILURE;
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
    }

    private String overview() {
        StringBuilder text = new StringBuilder();
        text.append("aurora-guard: event-driven backup and recovery for Amazon Aurora.\n\n");
        text.append("Usage: ./aurora-guard <command> [options]\n\nCommands:\n");
        commands.values().forEach(c -> text.append(String.format("  %-16s %s%n", c.name(), c.summary())));
        text.append("\nRun ./aurora-guard <command> --help for a command's options.\n");
        return text.toString();
    }
}
