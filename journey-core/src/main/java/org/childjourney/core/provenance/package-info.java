/**
 * Where an entry came from: the agency, its own record id, who recorded it and when it happened in the world.
 */
@NullMarked
package org.childjourney.core.provenance;

import org.jspecify.annotations.NullMarked;
