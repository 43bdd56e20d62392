package dev.conn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conn.incident.StoreException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * When the process hosting H2's mixed-mode server exits mid-command, the connection breaks
 * ({@link ErrorCode#CONNECTION_BROKEN_1}) and whether the work was committed is unknown: work
 * that is safe to repeat runs again on a fresh connection; other work says the outcome is unknown.
 */
class LostConnectionTest {
    @TempDir
    Path dir;

    private ConnCommand command() {
        ConnCommand c = new ConnCommand((p, b) -> {}, Clock.systemUTC(), new dev.conn.platform.secrets.KnownSecrets());
        new CommandLine(c).parseArgs("--data-dir", dir.toString());
        return c;
    }

    private static StoreException brokenMidAppend() {
        return new StoreException(
                "Could not save the note entry: Connection is broken",
                new SQLException("Connection is broken: session closed", "08006", ErrorCode.CONNECTION_BROKEN_1));
    }

    @Test
    void repeatableWorkRunsAgainOnAFreshSessionAfterTheConnectionBroke() {
        ConnCommand conn = command();
        AtomicInteger tries = new AtomicInteger();

        String result = conn.repeatable(conn::openOrCreate, s -> {
            if (tries.incrementAndGet() == 1) {
                throw brokenMidAppend();
            }
            return "stored";
        });

        assertThat(result).isEqualTo("stored");
        assertThat(tries).hasValue(2);
    }

    @Test
    void workThatMustNotBeRepeatedSaysItsOutcomeIsUnknown() {
        ConnCommand conn = command();
        AtomicInteger tries = new AtomicInteger();

        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> conn.once(
                        conn::openOrCreate,
                        s -> {
                            tries.incrementAndGet();
                            throw brokenMidAppend();
                        },
                        "declaring the incident"));

        assertThat(tries).hasValue(1);
        assertThat(e.getMessage()).contains("declaring the incident").contains("cannot tell whether it was recorded");
    }

    @Test
    void otherFailuresAreNotRetried() {
        ConnCommand conn = command();
        AtomicInteger tries = new AtomicInteger();

        assertThrows(
                IllegalArgumentException.class,
                () -> conn.repeatable(conn::openOrCreate, s -> {
                    tries.incrementAndGet();
                    throw new IllegalArgumentException("bad input");
                }));
        assertThat(tries).hasValue(1);
    }
}
