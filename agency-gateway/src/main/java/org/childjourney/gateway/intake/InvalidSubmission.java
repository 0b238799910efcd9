package org.childjourney.gateway.intake;

import java.util.List;

/** A submission failed validation; nothing of it was stored. */
class InvalidSubmission extends RuntimeException {

    private final transient List<FieldProblem> errors;

    InvalidSubmission(List<FieldProblem> errors) {
        super("the submission has " + errors.size() + " invalid field(s)");
        this.errors = List.copyOf(errors);
    }

    List<FieldProblem> errors() {
        return errors;
    }
}
