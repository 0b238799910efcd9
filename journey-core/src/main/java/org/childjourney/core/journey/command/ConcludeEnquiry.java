package org.childjourney.core.journey.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EnquiryOutcome;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.person.Sensitive;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;

/** Record the outcome of the s.47 enquiry that a strategy discussion on this journey opened. */
public record ConcludeEnquiry(@TargetAggregateIdentifier ChildJourneyId journeyId, EntryId entryId,
        Provenance provenance, Subject subject, Consent consent, EntryId strategyDiscussionEntryId,
        EnquiryOutcome outcome, Sensitive<String> rationale) implements JourneyCommand {
}
