package dev.auroraguard.sandbox.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flags of one command, parsed strictly: {@code --name value} or {@code --name=value} for value
 * flags, {@code --name} for switches. Anything unknown, missing or repeated is a {@link UsageException}.
 */
public final class Flags {

    private final String command;
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> positionals = new ArrayList<>();

    private Flags(String command) {
        this.command = command;
    }

    /**
     * @param valueFlags  flags that take a value (without the leading dashes); repeatable ones end in {@code *}
     * @param switches    flags that take none
     */
    public static Flags parse(String command, List<String> args, Set<String> valueFlags, Set<String> switches) {
        Flags flags = new Flags(command);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                flags.positionals.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            boolean repeatable = valueFlags.contains(name + "*");
            if (switches.contains(name)) {
                if (value != null) {
                    throw new UsageException(command + ": --" + name + " takes no value");
                }
                flags.put(name, "true", false);
            } else if (valueFlags.contains(name) || repeatable) {
                if (value == null) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new UsageException(command + ": --" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                flags.put(name, value, repeatable);
            } else {
                throw new UsageException(command + ": unknown option --" + name
                        + " (see ./aurora-guard " + command + " --help)");
            }
        }
        return flags;
    }

    private void put(String name, String value, boolean repeatable) {
        List<String> list = values.computeIfAbsent(name, k -> new ArrayList<>());
        if (!repeatable && !list.isEmpty()) {
            throw new UsageException(command + ": --" + name + " given twice");
        }
        list.add(value);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String get(String name, String fallback) {
        List<String> list = values.get(name);
        return list == null ? fallback : list.get(0);
    }

    public String required(String name) {
        List<String> list = values.get(name);
        if (list == null) {
            throw new UsageException(command + ": --" + name + " is required");
        }
        return list.get(0);
    }

    public List<String> all(String name) {
        return Collections.unmodifiableList(values.getOrDefault(name, List.of()));
    }

    public int intValue(String name, int fallback, int min, int max) {
        String raw = get(name, null);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value < min || value > max) {
                throw new UsageException(command + ": --" + name + " must be between " + min + " and " + max + ", got " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " must be a whole number, got '" + raw + "'");
        }
    }

    /** A file that must exist and be readable. */
    public Path existingFile(String name) {
        Path path = Path.of(required(name));
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new UsageException(command + ": --" + name + " " + path + ": no such readable file");
        }
        return path;
    }

    public List<String> positionals() {
        return Collections.unmodifiableList(positionals);
    }

    /** Refuses positional arguments beyond {@code max}. */
    public void allowPositionals(int max) {
        if (positionals.size() > max) {
            throw new UsageException(command + ": unexpected argument '" + positionals.get(max) + "'");
        }
    }
}
