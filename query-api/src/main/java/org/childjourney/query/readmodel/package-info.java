/**
 * What every read model shares: documents in MongoDB, fetched and written by {@code _id}, projected in batches.
 */
@NullMarked
package org.childjourney.query.readmodel;

import org.jspecify.annotations.NullMarked;
