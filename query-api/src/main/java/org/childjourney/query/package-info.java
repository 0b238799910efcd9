/**
 * The query API: where practitioners and auditors read a child's journey, each read decided by the access policy and recorded before any data leaves.
 */
@NullMarked
package org.childjourney.query;

import org.jspecify.annotations.NullMarked;
