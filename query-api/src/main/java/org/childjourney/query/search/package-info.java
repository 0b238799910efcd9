/**
 * Finding a child's journey by NHS number or an agency's local id, through a lookup keyed by a keyed digest of the identifier.
 */
@NullMarked
package org.childjourney.query.search;

import org.jspecify.annotations.NullMarked;
