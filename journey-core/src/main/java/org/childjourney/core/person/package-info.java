/**
 * Values about a person, the child above all: identifiers and personal details, each redacted in {@code toString()}.
 */
@NullMarked
package org.childjourney.core.person;

import org.jspecify.annotations.NullMarked;
