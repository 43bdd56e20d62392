package dev.conn.postmortem;

/**
 * Choices for a postmortem export.
 *
 * @param fullTimeline whether the Markdown and HTML postmortems carry the full timeline as an
 *     appendix after the key events, or leave it out (the CSV and the JSON bundle always hold it)
 * @param csvBom true to start the CSV with a UTF-8 byte order mark ({@code EF BB BF}), which
 *     Excel needs to read UTF-8 text as UTF-8 rather than the system's code page
 */
public record ExportOptions(FullTimeline fullTimeline, boolean csvBom) {
    /** What Conn does unless told otherwise: the full timeline in an appendix, CSV without a BOM. */
    public static final ExportOptions DEFAULT = new ExportOptions(FullTimeline.APPENDIX, false);

    /** Where the full timeline goes in a Markdown or HTML postmortem. */
    public enum FullTimeline {
        /** After the supporting information, as an appendix. */
        APPENDIX,
        /** Left out: only the key events are listed. */
        OMIT
    }

    /** A null choice is the default. */
    public ExportOptions {
        fullTimeline = fullTimeline == null ? FullTimeline.APPENDIX : fullTimeline;
    }

    /** @return these options with the full timeline in an appendix or left out */
    public ExportOptions withFullTimeline(FullTimeline where) {
        return new ExportOptions(where, csvBom);
    }

    /** @return these options with or without a UTF-8 byte order mark on the CSV */
    public ExportOptions withCsvBom(boolean bom) {
        return new ExportOptions(fullTimeline, bom);
    }
}
