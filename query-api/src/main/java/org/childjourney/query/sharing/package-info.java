/**
 * Decisions people take about sharing a child's journey: a hub member's release to another agency, a
 * practitioner's decision not to share, an administrator's sealing and unsealing. Each is checked against the
 * access policy and becomes an event on the journey.
 */
@NullMarked
package org.childjourney.query.sharing;

import org.jspecify.annotations.NullMarked;
