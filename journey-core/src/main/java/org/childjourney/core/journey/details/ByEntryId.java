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
 * A reference to an earlier entry that an agency may give by the entry's id as well as by its own source record id:
 * the front door decides on other agencies' contacts, whose source record ids are theirs.
 */
@Documented
@Target({RECORD_COMPONENT, FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface ByEntryId {
}
