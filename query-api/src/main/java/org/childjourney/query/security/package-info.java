/**
 * Who is reading and why: the viewer from the verified token and the purpose from the request, refused early when absent.
 */
@NullMarked
package org.childjourney.query.security;

import org.jspecify.annotations.NullMarked;
