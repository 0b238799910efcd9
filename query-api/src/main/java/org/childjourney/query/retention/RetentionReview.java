package org.childjourney.query.retention;

/**
 * One journey due for review: the year its review falls in, the latest entry it counts from, and the schedule's
 * rule that applied ({@code after-last-entry} or {@code after-child-protection-plan}).
 */
public record RetentionReview(String journeyId, int reviewYear, String lastEntryAt, String rule) {

    /** The answer to {@link FindRetentionReviews}. */
    public record Due(java.util.List<RetentionReview> journeys) {
    }
}
