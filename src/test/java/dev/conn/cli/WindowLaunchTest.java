package dev.conn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The launcher's shortcut past picocli for the plain window launch: wherever it answers, picocli
 * would have opened the window on the same data directory with no bundle; everything else is
 * left to picocli. A command added to {@link ConnCommand} and not to the shortcut's list fails
 * here.
 */
class WindowLaunchTest {

    static Stream<Arguments> commandLines() {
        List<String[]> lines = new ArrayList<>(List.of(
                new String[] {},
                new String[] {"--data-dir", "/tmp/conn-data"},
                new String[] {"--data-dir", "relative/dir"},
                new String[] {"--data-dir=/tmp/conn data"},
                new String[] {"--data-dir", ""},
                new String[] {"--data-dir="},
                new String[] {"--data-dir", "-x"},
                new String[] {"--data-dir", "--help"},
                new String[] {"--data-dir", "--version"},
                new String[] {"--data-dir", "@args.txt"},
                new String[] {"--data-dir", "\"quoted\""},
                new String[] {"--data-dir", "a\u0000b"},
                new String[] {"--data-dir"},
                new String[] {"--help"},
                new String[] {"-V"},
                new String[] {"incidents"},
                new String[] {"--data-dir", "/tmp/x", "incidents"},
                new String[] {"--war-room", "off"},
                new String[] {"--data-dir", "/tmp/x", "--data-dir", "/tmp/y"},
                new String[] {"bundle.conn.json"}));
        for (String command : new CommandLine(new ConnCommand((d, b) -> {}, Clock.systemUTC(), null))
                .getSubcommands()
                .keySet()) {
            lines.add(new String[] {"--data-dir", command});
            lines.add(new String[] {"--data-dir=" + command});
        }
        return lines.stream().map(a -> Arguments.of((Object) a));
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void whereTheShortcutAnswersPicocliOpensTheSameWindow(String[] args) {
        Optional<Path> shortcut = WindowLaunch.dataDirectory(args);

        List<Path> dirs = new ArrayList<>();
        List<Optional<Path>> bundles = new ArrayList<>();
        int code = ConnCommand.run(
                args,
                (dir, bundle) -> {
                    dirs.add(dir);
                    bundles.add(bundle);
                },
                Clock.systemUTC(),
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));

        if (shortcut.isPresent()) {
            assertThat(code).isZero();
            assertThat(dirs).containsExactly(shortcut.get());
            assertThat(bundles).containsExactly(Optional.empty());
        }
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void theShortcutTakesOnlyThePlainLaunch(String[] args) {
        boolean plain = args.length == 0
                || (args.length == 2 && args[0].equals("--data-dir") && args[1].matches("[/\\w][\\w/ .-]*"))
                || (args.length == 1 && args[0].matches("--data-dir=/[\\w/ .-]+"));

        assertThat(WindowLaunch.dataDirectory(args).isPresent())
                .as(String.join(" ", args))
                .isEqualTo(plain && (args.length == 0 || !WindowLaunch.COMMANDS.contains(args[args.length - 1])));
    }

    @org.junit.jupiter.api.Test
    void theCommandListIsPicoclisList() {
        assertThat(WindowLaunch.COMMANDS)
                .containsExactlyInAnyOrderElementsOf(
                        new CommandLine(new ConnCommand((d, b) -> {}, Clock.systemUTC(), null))
                                .getSubcommands()
                                .keySet());
    }
}
