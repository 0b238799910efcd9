/**
 * The review bundle: everything a safeguarding practice review needs of one child's record, in one place and in print
 * (the chronology with both clocks and every correction, what each agency was shown and when, every disclosure and
 * refusal, the decisions not to share, emergency access and its reviews), assembled from the auditors' own reads,
 * each recorded.
 */
@NullMarked
package org.childjourney.query.review;

import org.jspecify.annotations.NullMarked;
