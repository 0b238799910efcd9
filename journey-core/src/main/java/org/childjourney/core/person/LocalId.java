package org.childjourney.core.person;

/**
 * An agency's own identifier for a person: the identifier system (for example {@code police-east/person}) and the
 * value within it. The system is not personal; the value is.
 */
public record LocalId(String system, Sensitive<String> value) {
}
