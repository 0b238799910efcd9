/**
 * Finding the child a submission is about when its identifiers match no journey: demographic features (names, date
 * of birth, postcode) kept only as keyed digests, blocking keys that find candidates, and a score with a plain
 * explanation that decides between the same child, a possible duplicate for the hub, and a new child.
 */
@NullMarked
package org.childjourney.core.matching;

import org.jspecify.annotations.NullMarked;
