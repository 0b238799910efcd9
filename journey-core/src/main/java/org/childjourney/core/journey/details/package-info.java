/**
 * How an entry's details are declared: constraints on the fields of each entry record ({@link Text},
 * {@link Identifier}, {@link InTheWorld}, with Jakarta Bean Validation's own such as {@code @NotNull} for a field
 * an agency must send), and the names fields take on the wire ({@link WireName}). The gateway checks a submission's
 * details against them with a Jakarta validator before anything is stored; nothing here needs one at run time.
 */
@NullMarked
package org.childjourney.core.journey.details;

import org.jspecify.annotations.NullMarked;
