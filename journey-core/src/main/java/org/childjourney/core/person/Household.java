package org.childjourney.core.person;

import java.util.List;
import java.util.UUID;

/**
 * The household a submission recorded a child in, carried by each child's entry: one reference shared by the entries
 * the submission made for every child in it, how many children it named, and the adults it named around them.
 */
public record Household(UUID reference, int children, List<HouseholdAdult> adults) {

    public Household {
        adults = adults == null ? List.of() : List.copyOf(adults);
    }
}
