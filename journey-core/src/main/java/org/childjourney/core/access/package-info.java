/**
 * Who may read a child's journey, for which purpose and on what lawful basis: pure decision functions, versioned, with no framework in them.
 */
@NullMarked
package org.childjourney.core.access;

import org.jspecify.annotations.NullMarked;
