package org.childjourney.gateway.intake;

/**
 * One invalid field of a submission: its JSON path and what is wrong. The message never repeats the value.
 */
record FieldProblem(String field, String message) {
}
