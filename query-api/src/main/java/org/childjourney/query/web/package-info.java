/**
 * The practitioners', the hub's and auditors' pages: server-rendered in the GOV.UK Design System's look, signed in
 * through Keycloak, reading only through the same query and command gateways as the API, so that every page's read
 * is decided by the same policy and recorded in the same disclosure log. No child data is ever in a page's URL:
 * searches are posted, and a read's purpose and justification stay in the signed-in session.
 */
@NullMarked
package org.childjourney.query.web;

import org.jspecify.annotations.NullMarked;
