/**
 * The event store's schema migrations as a step of their own, apart from the services (and outside the gateway's
 * component scan): a deployment runs it as the schema's owner before the services start.
 */
@NullMarked
package org.childjourney.migrations;

import org.jspecify.annotations.NullMarked;
