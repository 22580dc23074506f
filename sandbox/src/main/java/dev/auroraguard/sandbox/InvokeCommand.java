package dev.auroraguard.sandbox;

import dev.auroraguard.handler.FunctionCatalog;
import dev.auroraguard.sandbox.cli.Command;
import dev.auroraguard.sandbox.cli.Flags;
import dev.auroraguard.sandbox.cli.UsageException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code ./aurora-guard invoke <function> --event FILE}: one handler call in this JVM, as Lambda makes it. */
final class InvokeCommand implements Command {

    @Override
    public String name() {
        return "invoke";
    }

    @Override
    public String summary() {
        return "run one Lambda handler on an event file against the sandbox (or another endpoint)";
    }

    @Override
    public String usage() {
        return """
                Usage: ./aurora-guard invoke <function> --event FILE [--endpoint URL] [--env KEY=VALUE]... [--timeout SECONDS]

                Runs the function's handler in this JVM exactly as AWS Lambda calls it: the event file is
                deserialized the way Lambda's Java runtime does, and the handler gets a Context whose remaining
                time counts down from --timeout. Prints the handler's logs, then its result (exit 0) or its
                error (exit 1).

                Functions: %s

                Options:
                  --event FILE        the event JSON, e.g. a verbatim EventBridge event (required)
                  --endpoint URL      AWS endpoint for every service (default: the running `sandbox serve`)
                  --env KEY=VALUE     a function environment variable (repeatable), e.g. --env CLUSTERS=orders-db
                  --timeout SECONDS   the function timeout the Context counts down from (default 900)

                Example:
                  ./aurora-guard sandbox serve &
                  ./aurora-guard invoke scheduled-snapshot --event examples/events/scheduled-event.json
                """.formatted(String.join(", ", FunctionCatalog.names()));
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Flags flags = Flags.parse(name(), args, Set.of("event", "endpoint", "env*", "timeout"), Set.of());
        if (flags.positionals().isEmpty()) {
            throw new UsageException("invoke: name the function (one of " + String.join(", ", FunctionCatalog.names()) + ")");
        }
        flags.allowPositionals(1);
        String functionName = flags.positionals().get(0);
        FunctionCatalog function = FunctionCatalog.byName(functionName).orElseThrow(() -> new UsageException(
                "invoke: unknown function '" + functionName + "' (one of " + String.join(", ", FunctionCatalog.names()) + ")"));
        Path eventFile = flags.existingFile("event");
        int timeoutSeconds = flags.intValue("timeout", 900, 1, 900);
        Map<String, String> environment = new LinkedHashMap<>();
        for (String pair : flags.all("env")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("invoke: --env takes KEY=VALUE, got '" + pair + "'");
            }
            environment.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        URI endpoint = flags.has("endpoint") ? parseEndpoint(flags.get("endpoint", null))
                : SandboxEndpoint.running().orElseThrow(() -> new UsageException(
                        "invoke: no sandbox is running; start `./aurora-guard sandbox serve` in another terminal or pass --endpoint URL"));

        LambdaInvoker invoker = new LambdaInvoker(endpoint, environment);
        String event = Files.readString(eventFile);
        out.println("invoking " + function.functionName() + " (" + function.handler() + ") against " + endpoint);
        LambdaInvoker.Outcome outcome = invoker.invoke(function, event, Duration.ofSeconds(timeoutSeconds), out);
        if (outcome.failed()) {
            out.println("error:");
            out.println(outcome.json());
            return Main.EXIT_FAILURE;
        }
        out.println("result:");
        out.println(outcome.json());
        return Main.EXIT_OK;
    }

    private static URI parseEndpoint(String raw) {
        try {
            URI uri = URI.create(raw);
            if (uri.getScheme() == null || uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new UsageException("invoke: --endpoint must be an http(s) URL such as http://127.0.0.1:4566, got '" + raw + "'");
        }
    }
}
