package dev.conn.timeline.ui;

/**
 * Where a back-dated entry went, in words for the capture bar (issue 14 item 11): an entry typed
 * with its own time is filed there, maybe far below the newest entries, so the bar says where.
 */
final class FiledNotice {
    private FiledNotice() {}

    /**
     * @param newer how many rows are newer than the entry
     * @param newestFirst true if the list shows the newest entry at the top
     * @param hidden true if the filter hides the entry
     * @param at its time as the timeline shows it
     * @return e.g. "Filed at 13:50:00, its own time: below 4 newer entries; selected."
     */
    static String text(long newer, boolean newestFirst, boolean hidden, String at) {
        String where = newer == 0
                ? "it is the newest entry"
                : (newestFirst ? "below " : "above ") + newer + (newer == 1 ? " newer entry" : " newer entries");
        return "Filed at " + at + ", its own time: " + where
                + (hidden ? ". The filter hides it; show its kind to see it." : "; selected.");
    }
}
