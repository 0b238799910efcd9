/**
 * The agency gateway: where agency systems push what they already record, with no re-keying.
 */
@NullMarked
package org.childjourney.gateway;

import org.jspecify.annotations.NullMarked;
