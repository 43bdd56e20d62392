package dev.conn.postmortem;

/** The words the Markdown and HTML postmortems use about their timelines, in one place. */
final class TimelineWords {
    /** The appendix's heading. */
    static final String APPENDIX_TITLE = "Appendix: full timeline (UTC)";

    /** What the appendix holds. */
    static final String APPENDIX_INTRO = "Every timeline entry, oldest first; a milestone edit is listed at the time it"
            + " sets, with when it was set.";

    private TimelineWords() {}

    /**
     * @param options where the full timeline goes
     * @return the sentence above the key events
     */
    static String keyEventsIntro(ExportOptions options) {
        return "Key events: every decision, action, milestone, status and severity change, and the entries starred"
                + " in the timeline (★). "
                + (options.fullTimeline() == ExportOptions.FullTimeline.APPENDIX
                        ? "The full timeline is in the appendix."
                        : "The full timeline is left out of this document; the CSV timeline and the JSON bundle"
                                + " hold it.");
    }
}
