package dev.conn.postmortem;

import dev.conn.platform.text.ControlChars;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.markdown.MarkdownRenderer;

/**
 * The prose of a postmortem section (summary, impact, lessons learned, ...) as the team wrote it,
 * in CommonMark (https://spec.commonmark.org/0.31.2/): lists, links, code and emphasis survive the
 * Markdown export and render in the HTML export. Parsed and rendered with commonmark-java
 * (https://github.com/commonmark/commonmark-java), never by hand.
 *
 * <p>Sanitised the same way for both formats, on the parsed tree, before rendering:
 *
 * <ul>
 *   <li>raw HTML (blocks and inline tags) becomes literal text, shown, never run;
 *   <li>a link whose destination is not {@code http:}, {@code https:} or {@code mailto:} (say
 *       {@code javascript:}, {@code data:}, {@code file:} or a relative path) loses its link and
 *       shows its text followed by the destination in parentheses;
 *   <li>an image becomes a link to it (or text, as above), so the HTML file stays self-contained
 *       and loads nothing from the network;
 *   <li>headings are moved two levels down (a {@code #} heading becomes a level-3 heading), so
 *       prose never outranks the document's own sections;
 *   <li>a single line break stays a line break, as typed in the Postmortem tab;
 *   <li>control characters (ESC, BEL, ...) become visible stand-ins ({@link ControlChars}).
 * </ul>
 *
 * The HTML renderer also escapes any HTML left and checks every URL again ({@code
 * escapeHtml(true)}, {@code sanitizeUrls(true)} with the same three schemes). Pure and thread-safe.
 */
final class Prose {
    private static final List<String> SCHEMES = List.of("http", "https", "mailto");
    private static final Parser PARSER = Parser.builder().build();
    private static final MarkdownRenderer MARKDOWN = MarkdownRenderer.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(SCHEMES))
            .attributeProviderFactory(context -> (node, tag, attributes) -> noReferrer(node, attributes))
            .build();

    private Prose() {}

    /**
     * @param text a section's text as typed
     * @return it as sanitised CommonMark, without a trailing line break
     */
    static String markdown(String text) {
        return MARKDOWN.render(parse(text)).strip();
    }

    /**
     * @param text a section's text as typed
     * @return it as sanitised HTML block elements ({@code <p>}, {@code <ul>}, ...), one per line
     */
    static String html(String text) {
        return HTML.render(parse(text));
    }

    /**
     * @param destination a link's destination as written
     * @return true for an absolute {@code http:}, {@code https:} or {@code mailto:} URL
     */
    static boolean isSafe(String destination) {
        String d = destination.strip().toLowerCase(Locale.ROOT);
        int colon = d.indexOf(':');
        return colon > 0 && SCHEMES.contains(d.substring(0, colon)) && (d.startsWith("mailto:") || d.contains("://"));
    }

    private static Node parse(String text) {
        Node doc = PARSER.parse(ControlChars.visible(text.strip()));
        List<Runnable> edits = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock block) {
                edits.add(() -> {
                    Paragraph p = new Paragraph();
                    p.appendChild(new Text(block.getLiteral().strip()));
                    block.insertBefore(p);
                    block.unlink();
                });
            }

            @Override
            public void visit(HtmlInline inline) {
                edits.add(() -> replace(inline, new Text(inline.getLiteral())));
            }

            @Override
            public void visit(Link link) {
                visitChildren(link);
                if (!isSafe(link.getDestination())) {
                    edits.add(() -> unwrap(link, link.getDestination()));
                }
            }

            @Override
            public void visit(Image image) {
                visitChildren(image);
                edits.add(() -> {
                    if (isSafe(image.getDestination())) {
                        Link link = new Link(image.getDestination(), image.getTitle());
                        moveChildren(image, link);
                        if (link.getFirstChild() == null) {
                            link.appendChild(new Text(image.getDestination()));
                        }
                        replace(image, link);
                    } else {
                        unwrap(image, image.getDestination());
                    }
                });
            }

            @Override
            public void visit(LinkReferenceDefinition definition) {
                edits.add(definition::unlink); // its links are resolved already; the definition is not prose
            }

            @Override
            public void visit(Heading heading) {
                heading.setLevel(Math.min(6, heading.getLevel() + 2));
                visitChildren(heading);
            }

            @Override
            public void visit(SoftLineBreak br) {
                edits.add(() -> replace(br, new HardLineBreak()));
            }
        });
        edits.forEach(Runnable::run); // the tree is changed only after the walk
        return doc;
    }

    private static void replace(Node old, Node now) {
        old.insertBefore(now);
        old.unlink();
    }

    /** Keeps a link's (or image's) text, drops the link, and shows where it pointed. */
    private static void unwrap(Node link, String destination) {
        Node child = link.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            link.insertBefore(child);
            child = next;
        }
        if (!destination.isBlank()) {
            link.insertBefore(new Text(" (" + destination + ")"));
        }
        link.unlink();
    }

    private static void moveChildren(Node from, Node to) {
        Node child = from.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            to.appendChild(child);
            child = next;
        }
    }

    private static void noReferrer(Node node, Map<String, String> attributes) {
        if (node instanceof Link) {
            attributes.put("rel", "noopener noreferrer");
        }
    }
}
