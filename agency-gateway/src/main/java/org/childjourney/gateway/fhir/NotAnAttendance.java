package org.childjourney.gateway.fhir;

import java.util.List;

/**
 * A FHIR body that is not an emergency department attendance this service can record: each problem names the FHIR
 * element (a path such as {@code Encounter.period.start}) and what is wrong, never the value sent.
 */
public class NotAnAttendance extends RuntimeException {

    private final transient List<Problem> problems;

    NotAnAttendance(List<Problem> problems) {
        super("the FHIR bundle has " + problems.size() + " problem(s)");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** One element of the bundle and what is wrong with it. */
    public record Problem(String element, String message) {
    }
}
