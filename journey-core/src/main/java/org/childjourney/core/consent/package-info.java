/**
 * The consent status an agency recorded with an entry or for the journey as a whole.
 */
@NullMarked
package org.childjourney.core.consent;

import org.jspecify.annotations.NullMarked;
