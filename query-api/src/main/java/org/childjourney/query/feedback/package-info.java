/**
 * The record talks back: the feedback processor raises referral outcomes, plan notices, Operation Encompass notices
 * and pattern alerts as the journey records entries ({@code org.childjourney.core.feedback} decides them), and the
 * pattern rules can be replayed over history before they are switched on.
 */
@NullMarked
package org.childjourney.query.feedback;

import org.jspecify.annotations.NullMarked;
