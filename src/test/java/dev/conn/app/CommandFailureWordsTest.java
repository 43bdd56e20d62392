package dev.conn.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A command that fails past its own refusals is said as the command's failure: {@code conn import}
 * of a large bundle in a small heap printed "Conn could not start its window: Java heap space".
 */
class CommandFailureWordsTest {
    @Test
    void aCommandOutOfMemorySaysSoAndHowToGiveJavaMore() {
        String said = Display.commandFailure(new OutOfMemoryError("Java heap space"));

        assertThat(said)
                .startsWith("the command ran out of memory (Java heap space) before it reported being done")
                .contains("JAVA_TOOL_OPTIONS=-Xmx2g")
                .doesNotContain("window");
    }

    @Test
    void anyOtherFailureOfACommandIsNamedAsTheCommandsOnOneLine() {
        String said = Display.commandFailure(new IllegalStateException("wrapped", new StackOverflowError()));

        assertThat(said).isEqualTo("the command failed: StackOverflowError");
    }
}
