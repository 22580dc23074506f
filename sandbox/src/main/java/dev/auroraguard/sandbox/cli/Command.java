package dev.auroraguard.sandbox.cli;

import java.io.PrintStream;
import java.util.List;

/** One {@code ./aurora-guard} sub-command. */
public interface Command {

    /** The word users type, e.g. {@code demo} or {@code plan-retention}. */
    String name();

    /** One line for {@code ./aurora-guard --help}. */
    String summary();

    /** The full text for {@code ./aurora-guard <name> --help}: usage line, options, an example. */
    String usage();

    /**
     * Runs the command. A bad flag or argument is a {@link UsageException} (one-line error, exit 2);
     * other exceptions are failures (exit 1).
     *
     * @param args the arguments after the command's name, never containing {@code --help}
     * @return the process exit code
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
