package dev.conn.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FuzzyMatchTest {
    private static final List<String> ACTIONS = List.of(
            "Mark mitigated",
            "Declare incident",
            "Decline hand-off",
            "Show or hide the people panel",
            "Add responder",
            "Acknowledge hand-off",
            "Larger text");

    @ParameterizedTest
    @CsvSource({
        "decl inc, Declare incident",
        "di, Declare incident",
        "declare, Declare incident",
        "DECLINE, Decline hand-off",
        "ack, Acknowledge hand-off",
        "add resp, Add responder",
        "larger, Larger text",
        "mitig, Mark mitigated"
    })
    void theActionTheUserMeansRanksFirst(String query, String expected) {
        String best = ACTIONS.stream()
                .filter(a -> FuzzyMatch.score(query, a).isPresent())
                .max(Comparator.comparingInt(a -> FuzzyMatch.score(query, a).getAsInt()))
                .orElseThrow();
        assertThat(best).isEqualTo(expected);
    }

    @Test
    void lettersOutOfOrderDoNotMatch() {
        assertThat(FuzzyMatch.score("cnialed", "Declare incident")).isEmpty();
    }

    @Test
    void blankQueryMatchesEverything() {
        assertThat(FuzzyMatch.score("  ", "Declare incident")).hasValue(0);
    }
}
