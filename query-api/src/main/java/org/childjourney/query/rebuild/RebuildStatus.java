package org.childjourney.query.rebuild;

/**
 * A rebuild as the contract shows it.
 *
 * @param state       {@code running}, {@code switched} (the new generation is live) or {@code failed} (the live
 *                    generation is untouched)
 * @param eventsDone  how far the slowest of its processors has read, as a position in the event store
 * @param eventsTotal the position of the latest event in the store
 */
public record RebuildStatus(String rebuildId, String state, long eventsDone, long eventsTotal) {
}
