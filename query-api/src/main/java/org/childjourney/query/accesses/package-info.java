/**
 * The access log read model: who read a child's journey, when, for which purpose, on what basis and with what decision.
 */
@NullMarked
package org.childjourney.query.accesses;

import org.jspecify.annotations.NullMarked;
