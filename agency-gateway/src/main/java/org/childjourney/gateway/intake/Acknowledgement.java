package org.childjourney.gateway.intake;

/**
 * What the gateway answers for a recorded submission ({@link Receipt}) or household submission
 * ({@link HouseholdReceipt}): the same body for the first submission ({@code 201}) and for every resend ({@code 200}).
 */
sealed interface Acknowledgement permits Receipt, HouseholdReceipt {

    /** Whether this call recorded it, rather than finding it recorded already. */
    boolean created();
}
