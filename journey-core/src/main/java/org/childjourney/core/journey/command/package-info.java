/**
 * Commands to the child's journey: what an agency asks the record to note, already validated and resolved to a journey.
 */
@NullMarked
package org.childjourney.core.journey.command;

import org.jspecify.annotations.NullMarked;
