/**
 * The agencies that work with children: their codes and kinds.
 */
@NullMarked
package org.childjourney.core.agency;

import org.jspecify.annotations.NullMarked;
