/**
 * Submissions in FHIR R4: an emergency department attendance sent as an {@code Encounter} bundle, read with HAPI FHIR
 * and mapped to the contract's {@code ae-attendance} submission, so that it is validated, recorded and answered as
 * one sent as the contract's JSON (docs/fhir.md).
 */
@NullMarked
package org.childjourney.gateway.fhir;

import org.jspecify.annotations.NullMarked;
