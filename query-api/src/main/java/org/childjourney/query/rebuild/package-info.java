/**
 * Rebuilding the read models without downtime: {@code POST /api/v1/admin/rebuilds} and
 * {@code GET /api/v1/admin/rebuilds/{rebuildId}} (administrators), carried out by
 * {@link org.childjourney.query.readmodel.Rebuilds}.
 */
@NullMarked
package org.childjourney.query.rebuild;

import org.jspecify.annotations.NullMarked;
