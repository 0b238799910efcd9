package org.childjourney.gateway.intake;

import org.axonframework.common.caching.Cache;
import org.childjourney.core.journey.ChildJourneyId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The gateway's cache of journeys (Axon's aggregate cache), kept true to the store. Axon's unit of work commits, and
 * caches the journey with its new entry, inside the submission's transaction, which can still roll back afterwards
 * (a lost race on the ledger): the cached journey must not keep an entry the store never recorded.
 */
@Component
class CachedJourneys {

    private final Cache journeys;

    CachedJourneys(Cache journeys) {
        this.journeys = journeys;
    }

    /** Forgets the journey if the current transaction does not commit. */
    void forgetIfRolledBack(ChildJourneyId journeyId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    journeys.remove(journeyId.toString());
                }
            }
        });
    }
}
