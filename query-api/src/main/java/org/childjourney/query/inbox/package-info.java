/**
 * The agency inbox: what flows back to an agency about the children it works with (access notices, break-glass
 * notices), one document per agency, and the receipts of its acknowledgements.
 */
@NullMarked
package org.childjourney.query.inbox;

import org.jspecify.annotations.NullMarked;
