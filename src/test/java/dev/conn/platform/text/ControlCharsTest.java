package dev.conn.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlCharsTest {
    @Test
    void escAndBelBecomeVisibleStandInsAndLineBreaksStayInMultiLineText() {
        assertThat(ControlChars.visible("a\u001b[31mred\u0007\tb\r\nc")).isEqualTo("a\u241b[31mred\u2407\tb\r\nc");
    }

    @Test
    void oneLineTextHasNoControlCharacterAtAll() {
        String out = ControlChars.oneLine("t\u001b]0;pwned\u0007\n\u0000\u007f\u009bx");

        assertThat(out).isEqualTo("t\u241b]0;pwned\u2407 \u2400\u2421\ufffdx");
        assertThat(out.chars().noneMatch(c -> Character.isISOControl((char) c))).isTrue();
    }

    @Test
    void plainTextIsReturnedAsIs() {
        String s = "Checkout errors in EU · 5xx ≥ 2 %";

        assertThat(ControlChars.visible(s)).isSameAs(s);
        assertThat(ControlChars.oneLine(null)).isNull();
    }
}
