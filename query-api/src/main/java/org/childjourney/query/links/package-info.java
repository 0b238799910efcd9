/**
 * Links between journeys: the hub's record that two journeys are one child's ({@code POST …/links}), and its undoing
 * ({@code DELETE …/links/{other}}). A link moves nothing: reads fold the linked journeys' events as one journey's and
 * show their timelines as one, so an unlink restores both exactly.
 */
@NullMarked
package org.childjourney.query.links;

import org.jspecify.annotations.NullMarked;
