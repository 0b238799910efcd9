package org.childjourney.core.access;

/**
 * How much of one entry a permitted read shows, from the most to the least. An entry a read does not show at all is
 * withheld and has no view. Where a reader has several grounds, each entry is shown as the most its grounds allow.
 */
public enum EntryView {
    /** Everything: summary and details. */
    FULL,
    /** Everything but the decision's rationale: what was decided and when, for the agency that referred. */
    WITHOUT_RATIONALE,
    /** The summary, without details: an attendance at an emergency department's triage. */
    SUMMARY_ONLY,
    /** That the entry exists, its type, date and agency, without summary or details: a sensitive entry. */
    EXISTENCE_ONLY;

    /** The more generous of two views. */
    EntryView orMore(EntryView other) {
        return ordinal() <= other.ordinal() ? this : other;
    }
}
