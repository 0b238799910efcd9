/**
 * The timeline read model: one document per journey, keyed by journey id, holding every entry and the facts the access policy needs; and the timeline read.
 */
@NullMarked
package org.childjourney.query.timeline;

import org.jspecify.annotations.NullMarked;
