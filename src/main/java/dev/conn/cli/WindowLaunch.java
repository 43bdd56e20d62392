package dev.conn.cli;

import dev.conn.settings.DataDirectory;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises the plain window launch, {@code conn} alone or with only {@code --data-dir DIR}
 * (what the desktop entry and the benchmark run), without loading picocli: building picocli's
 * model of every subcommand costs 150 to 450 ms before the window can start. Anything else, or
 * anything picocli might read differently (an option-like or {@code @file} value, a value that is
 * a command name, an empty value), is left to {@link ConnCommand#run}, so the command line means
 * exactly what it meant.
 */
public final class WindowLaunch {
    /**
     * The subcommand names of {@link ConnCommand}: a value equal to one is refused by picocli
     * ("Expected parameter for option '--data-dir' but found 'log'"), so it is left to picocli.
     * {@code WindowLaunchTest} checks this list against picocli's.
     */
    static final Set<String> COMMANDS = Set.of("incidents", "declare", "log", "export", "import", "stats");

    private static final String OPTION = "--data-dir";

    private WindowLaunch() {}

    /**
     * @param args the command line
     * @return the data directory (absolute, as {@link DataDirectory#resolveDefault} chooses it) if
     *     the command line is a plain window launch, else empty: parse it with {@link ConnCommand#run}
     */
    public static Optional<Path> dataDirectory(String[] args) {
        Optional<String> given;
        if (args.length == 0) {
            given = Optional.empty();
        } else if (args.length == 2 && args[0].equals(OPTION)) {
            given = Optional.of(args[1]);
        } else if (args.length == 1 && args[0].startsWith(OPTION + "=")) {
            given = Optional.of(args[0].substring(OPTION.length() + 1));
        } else {
            return Optional.empty();
        }
        if (given.isPresent() && !plain(given.get())) {
            return Optional.empty();
        }
        try {
            return Optional.of(DataDirectory.resolveDefault(given.map(Path::of)));
        } catch (InvalidPathException e) {
            return Optional.empty(); // picocli says which value it could not convert
        }
    }

    private static boolean plain(String value) {
        return !value.isBlank()
                && !value.startsWith("-")
                && !value.startsWith("@")
                && !value.contains("\"")
                && !value.contains("'")
                && !COMMANDS.contains(value);
    }
}
