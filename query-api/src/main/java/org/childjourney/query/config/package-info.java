/**
 * Spring, Axon, MongoDB and security configuration of the query API.
 */
@NullMarked
package org.childjourney.query.config;

import org.jspecify.annotations.NullMarked;
