/**
 * Spring, Axon and security configuration of the agency gateway.
 */
@NullMarked
package org.childjourney.gateway.config;

import org.jspecify.annotations.NullMarked;
