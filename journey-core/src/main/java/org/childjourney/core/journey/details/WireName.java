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
 * The name a field of an entry's details takes in the public contract, where it differs from the stored one (which
 * never changes): a team member's {@code member} is the contract's {@code agency}.
 */
@Documented
@Target({RECORD_COMPONENT, FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface WireName {

    String value();
}
