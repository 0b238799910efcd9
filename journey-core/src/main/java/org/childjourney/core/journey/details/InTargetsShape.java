package org.childjourney.core.journey.details;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Details in the shape of another entry's type, as JSON text (a correction's corrected details): checked against
 * that type's fields once the entry they amend is known, and kept only as those fields, each of its type.
 */
@Documented
@Target({RECORD_COMPONENT, FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface InTargetsShape {
}
