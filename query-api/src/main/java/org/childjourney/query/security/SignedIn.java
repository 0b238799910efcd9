package org.childjourney.query.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a page handler's {@code Jwt} parameter: the access token Keycloak issued to the signed-in practitioner, renewed
 * when it has expired and verified as the API verifies a bearer token, so that a page reads under the same claims,
 * the same policy and the same disclosure records as the API.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface SignedIn {
}
