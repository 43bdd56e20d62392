package dev.conn.integrations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conn.platform.text.ControlChars;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds Atlassian Document Format documents, the rich text Jira Cloud's REST API v3 takes for an
 * issue's {@code description} (https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/).
 * A document is {@code {"version": 1, "type": "doc", "content": [...]}} of block nodes; Conn uses
 * {@code paragraph} and {@code bulletList} / {@code listItem}, with inline {@code text} nodes
 * (never empty: the schema requires {@code minLength} 1), {@code hardBreak} for a line break inside
 * a paragraph (https://developer.atlassian.com/platform/framework/adf-builder/reference/nodes/hardBreak/),
 * and the {@code link} mark on http(s) URLs so they are clickable.
 *
 * <p>Text is taken as plain text, never as markup: control characters other than line breaks
 * become visible stand-ins ({@link ControlChars#visible}), blank lines separate paragraphs. Pure;
 * not thread-safe (one builder per document).
 */
public final class Adf {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)\\]]");

    private final ArrayNode content = NODES.arrayNode();

    private Adf() {}

    /** @return an empty document */
    public static Adf doc() {
        return new Adf();
    }

    /**
     * Adds the text as paragraphs: a blank line starts a new paragraph, a single line break is a
     * {@code hardBreak}. Blank text adds nothing.
     *
     * @param text plain text
     * @return this builder
     */
    public Adf paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return this;
        }
        String clean = ControlChars.visible(text).replace("\r\n", "\n").replace('\r', '\n');
        for (String para : clean.strip().split("\n\\s*\n")) {
            ArrayNode inline = inline(para.strip());
            if (!inline.isEmpty()) {
                content.addObject().put("type", "paragraph").set("content", inline);
            }
        }
        return this;
    }

    /**
     * Adds a bullet list, one item per entry; blank entries are left out, and no list is added if
     * every entry is blank.
     *
     * @param items the entries, plain text
     * @return this builder
     */
    public Adf bullets(List<String> items) {
        ArrayNode list = NODES.arrayNode();
        for (String item : items) {
            if (item == null || item.isBlank()) {
                continue;
            }
            ArrayNode inline = inline(ControlChars.visible(item).strip());
            ObjectNode para = NODES.objectNode().put("type", "paragraph");
            para.set("content", inline);
            ObjectNode listItem = list.addObject().put("type", "listItem");
            listItem.putArray("content").add(para);
        }
        if (!list.isEmpty()) {
            content.addObject().put("type", "bulletList").set("content", list);
        }
        return this;
    }

    /** @return the document: {@code {"type": "doc", "version": 1, "content": [...]}} */
    public ObjectNode build() {
        ObjectNode doc = NODES.objectNode();
        doc.put("type", "doc");
        doc.put("version", 1);
        doc.set("content", content.deepCopy());
        return doc;
    }

    /** Text nodes, link-marked URLs and hard breaks for one paragraph. */
    private static ArrayNode inline(String para) {
        ArrayNode out = NODES.arrayNode();
        String[] lines = para.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0 && !out.isEmpty()) {
                out.addObject().put("type", "hardBreak");
            }
            addLine(out, lines[i].strip());
        }
        return out;
    }

    private static void addLine(ArrayNode out, String line) {
        Matcher m = URL.matcher(line);
        int at = 0;
        while (m.find()) {
            text(out, line.substring(at, m.start()), null);
            text(out, m.group(), m.group());
            at = m.end();
        }
        text(out, line.substring(at), null);
    }

    private static void text(ArrayNode out, String text, String href) {
        if (text.isEmpty()) {
            return;
        }
        ObjectNode node = out.addObject().put("type", "text").put("text", text);
        if (href != null) {
            ObjectNode link = node.putArray("marks").addObject().put("type", "link");
            link.putObject("attrs").put("href", href);
        }
    }
}
