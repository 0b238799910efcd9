package org.childjourney.query.readmodel;

/**
 * A projection that can be built again into another generation of the read models: a rebuild runs a copy bound to
 * the new generation's collections, in a processor of its own, beside the live one.
 */
public interface RebuildableProjection {

    /** A copy of this projection that writes the read models of {@code generation}. */
    RebuildableProjection copyFor(ReadModels generation);

    /**
     * Whether every document it writes is one journey's, or is keyed by what one journey's events name whatever the
     * order of journeys (an identifier's journeys), and it handles only journeys' own events: a rebuild may then give
     * it the store's events journey by journey ({@link JourneyOrder}). Not so for a list across journeys in the order
     * things happened (an agency's inbox), or for records of reads.
     */
    default boolean perJourney() {
        return false;
    }
}
