package org.childjourney.query.erasure;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.childjourney.core.journey.event.JourneyErased;
import org.springframework.stereotype.Component;

/**
 * The ledger forgets an erased journey's child in the transaction that records the erasure (processing group
 * {@value #GROUP}, subscribing): from the moment the erasure is recorded, no identifier, description or resend leads
 * a submission to the erased journey, and either both are done or neither. Its key is deleted after
 * ({@link JourneyErasures}).
 */
@Component
@ProcessingGroup(LedgerForgetsAtOnce.GROUP)
class LedgerForgetsAtOnce {

    static final String GROUP = "ledger-erasure";

    private final LedgerErasure ledger;

    LedgerForgetsAtOnce(LedgerErasure ledger) {
        this.ledger = ledger;
    }

    @EventHandler
    void on(JourneyErased erased) {
        ledger.forget(erased.journeyId());
    }
}
