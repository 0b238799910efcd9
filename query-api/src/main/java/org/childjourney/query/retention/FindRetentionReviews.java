package org.childjourney.query.retention;

/** The journeys due for review by the end of a year, earliest first, at most {@value #MOST}. */
public record FindRetentionReviews(int dueBy) {

    /** The most journeys one answer lists. */
    public static final int MOST = 500;
}
