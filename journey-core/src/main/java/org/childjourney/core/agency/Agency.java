package org.childjourney.core.agency;

/** An agency as the record knows it: its code and its kind. */
public record Agency(AgencyCode code, AgencyKind kind) {
}
