/**
 * Push delivery of inbox items to the agencies that prefer it: each notice posted to the agency's endpoint, signed,
 * retried, and recorded as a read of the inbox.
 */
@NullMarked
package org.childjourney.query.webhooks;

import org.jspecify.annotations.NullMarked;
