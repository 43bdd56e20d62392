package dev.conn.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.MenuItem;
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
    void aWordInsideTheNameOutranksLettersScatteredOverTheMenuAndName() {
        // Ctrl+K, "hand": the h and a of "withdraw" come first, but "hand" is a word of the name;
        // "Help Command palette" has the letters only scattered (h of Help, "and" inside Command)
        List<MenuActions.Action> actions = List.of(
                action("People", "Offer hand-off"),
                action("People", "Decline hand-off"),
                action("People", "Acknowledge hand-off"),
                action("Help", "Command palette"),
                action("People", "Withdraw hand-off offer"));

        assertThat(MenuActions.find(actions, "hand"))
                .extracting(MenuActions.Action::name)
                .containsExactly(
                        "Offer hand-off",
                        "Decline hand-off",
                        "Acknowledge hand-off",
                        "Withdraw hand-off offer",
                        "Command palette");
    }

    @ParameterizedTest
    @CsvSource({
        // query, a name containing it, a name matching it only with scattered letters
        "hand, Withdraw hand-off offer, Help Command palette",
        "and, Withdraw hand-off offer, Manage the data",
        "off, Withdraw hand-off offer, Go to profile form",
        "gate, Mark mitigated, Go and rate it",
        "tig, Mark mitigated, Settings page"
    })
    void aSubstringOutranksScatteredLetters(String query, String containing, String scattered) {
        assertThat(containing.toLowerCase(java.util.Locale.ROOT)).contains(query);
        assertThat(FuzzyMatch.score(query, scattered)).isPresent();

        assertThat(FuzzyMatch.score(query, containing).getAsInt())
                .isGreaterThan(FuzzyMatch.score(query, scattered).getAsInt());
    }

    @Test
    void theBestPlacementIsScoredNotTheFirstLettersFound() {
        // the same letters scored at their best place: "hand" as a word scores as in a name that has only it
        assertThat(FuzzyMatch.score("hand", "withdraw hand-off offer").getAsInt() + "withdraw hand-off offer".length())
                .isEqualTo(FuzzyMatch.score("hand", "wxtxdrxw hand-off offer").getAsInt()
                        + "wxtxdrxw hand-off offer".length());
    }

    @Test
    void lettersOutOfOrderDoNotMatch() {
        assertThat(FuzzyMatch.score("cnialed", "Declare incident")).isEmpty();
    }

    @Test
    void blankQueryMatchesEverything() {
        assertThat(FuzzyMatch.score("  ", "Declare incident")).hasValue(0);
    }

    private static MenuActions.Action action(String menu, String name) {
        return new MenuActions.Action(menu, name, Optional.empty(), new MenuItem(name));
    }
}
