package dev.conn.platform.text;

/**
 * Makes control characters in user text harmless where the text is shown or written: a terminal
 * (where ESC starts an ANSI escape sequence that can recolour, move the cursor or retitle the
 * window, and BEL rings), and the Markdown, HTML and CSV exports (where they are invisible, or
 * break viewers). Each control character becomes a visible stand-in, so nothing is silently lost:
 * a C0 character (U+0000 to U+001F) becomes its Unicode control picture ({@code ESC} → {@code ␛},
 * {@code BEL} → {@code ␇}, U+2400 block), DEL becomes {@code ␡}, and a C1 character (U+0080 to
 * U+009F, which some terminals read as CSI and friends) becomes the replacement character
 * {@code �}. "Control character" is {@link Character#isISOControl(char)} (Unicode category Cc).
 *
 * <p>JSON needs none of this: Jackson writes every character below U+0020 as a six-character
 * escape (backslash, {@code u}, four hex digits; RFC 8259, section 7). Pure; no I/O.
 */
public final class ControlChars {
    private ControlChars() {}

    /**
     * For multi-line text (exports): tab, line feed and carriage return stay; every other control
     * character becomes its visible stand-in.
     *
     * @param s any text (null stays null)
     * @return the text without control characters other than tab, LF and CR
     */
    public static String visible(String s) {
        return replace(s, true);
    }

    /**
     * For one line of terminal output (a table cell, a title in a message): tab, line feed and
     * carriage return become a space, every other control character its visible stand-in.
     *
     * @param s any text (null stays null)
     * @return the text without any control character
     */
    public static String oneLine(String s) {
        return replace(s, false);
    }

    /**
     * @param c a character
     * @return its visible stand-in if it is a control character other than tab, LF or CR, else
     *     {@code c} itself
     */
    public static char standIn(char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r' ? c : (char) (0x2400 + c);
        }
        if (c == 0x7F) {
            return '\u2421';
        }
        if (c >= 0x80 && c <= 0x9F) {
            return '\uFFFD';
        }
        return c;
    }

    private static String replace(String s, boolean keepLineBreaks) {
        if (s == null) {
            return null;
        }
        int first = -1;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        b.append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!keepLineBreaks && (c == '\t' || c == '\n' || c == '\r')) {
                b.append(' ');
            } else {
                b.append(standIn(c));
            }
        }
        return b.toString();
    }
}
