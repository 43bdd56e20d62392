package dev.conn.postmortem;

import dev.conn.platform.text.ControlChars;

/**
 * Escapes user text for GitHub-flavoured Markdown (https://github.github.com/gfm/): every character
 * CommonMark could read as markup is backslash-escaped (section 2.4), so pipes, backticks, HTML and
 * newlines in a note never break a table or inject markup; control characters (ESC, BEL, ...)
 * become visible stand-ins ({@link ControlChars}). Pure.
 */
final class MarkdownText {
    private MarkdownText() {}

    static String code(String s) {
        return "`" + ControlChars.oneLine(s.replace("`", "")) + "`";
    }

    static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * Escapes text for inline use: every character CommonMark could read as markup is
     * backslash-escaped, so the text shows literally.
     */
    static String inline(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '!', '#' -> b.append('\\')
                        .append(c);
                case '\r', '\n', '\t' -> b.append(' ');
                default -> b.append(ControlChars.standIn(c)); // ESC, BEL, ... shown, never passed on
            }
        }
        // block markers at the start of a line: list items, setext underlines, ordered lists
        if (b.length() > 0 && "-+=".indexOf(b.charAt(0)) >= 0) {
            b.insert(0, '\\');
        } else {
            int digits = 0;
            while (digits < b.length() && Character.isDigit(b.charAt(digits))) {
                digits++;
            }
            if (digits > 0 && digits < b.length() && (b.charAt(digits) == '.' || b.charAt(digits) == ')')) {
                b.insert(digits, '\\');
            }
        }
        return b.toString();
    }

    /** Escapes text for a table cell: like {@link #inline} and line breaks become {@code <br>}. */
    static String cell(String s) {
        String[] lines = s.strip().split("\\R", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                b.append("<br>");
            }
            b.append(inline(lines[i]));
        }
        return b.toString();
    }

    /** Escapes a multi-line text as paragraphs; single line breaks stay line breaks. */
    static String block(String s) {
        String[] lines = s.strip().split("\\R", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (i > 0) {
                boolean prevBlank = lines[i - 1].isBlank();
                b.append(line.isEmpty() || prevBlank ? "\n" : "\\\n");
            }
            b.append(inline(line));
        }
        return b.toString();
    }
}
