package org.childjourney.core.journey;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.childjourney.core.access.AccessDecision;
import org.childjourney.core.access.AccessPolicies;
import org.childjourney.core.access.AccessRequest;
import org.childjourney.core.access.BreakGlass;
import org.childjourney.core.access.BreakGlassGrant;
import org.childjourney.core.access.EntryFacts;
import org.childjourney.core.access.Ground;
import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.access.JourneyFactsFold;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.NoticeKind;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.JourneyRuleViolation.Rule;
import org.childjourney.core.journey.command.AcknowledgeNotice;
import org.childjourney.core.journey.command.DeclineSharing;
import org.childjourney.core.journey.command.LinkJourney;
import org.childjourney.core.journey.command.OpenBreakGlass;
import org.childjourney.core.journey.command.RaiseNotice;
import org.childjourney.core.journey.command.RaisePossibleDuplicate;
import org.childjourney.core.journey.command.RecordEntry;
import org.childjourney.core.journey.command.RecordHubDecision;
import org.childjourney.core.journey.command.ReleaseEntries;
import org.childjourney.core.journey.command.ResolvePossibleDuplicate;
import org.childjourney.core.journey.command.ReviewBreakGlass;
import org.childjourney.core.journey.command.EraseJourney;
import org.childjourney.core.journey.command.SealJourney;
import org.childjourney.core.journey.command.UnlinkJourney;
import org.childjourney.core.journey.command.UnsealJourney;
import org.childjourney.core.journey.event.AgencyNotified;
import org.childjourney.core.journey.event.BreakGlassGranted;
import org.childjourney.core.journey.event.BreakGlassReviewed;
import org.childjourney.core.journey.event.ChildProtectionPlanEnded;
import org.childjourney.core.journey.event.ContactDecided;
import org.childjourney.core.journey.event.EnquiryConcluded;
import org.childjourney.core.journey.event.EntriesReleased;
import org.childjourney.core.journey.event.EntryCorrected;
import org.childjourney.core.journey.event.EntryRetracted;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.journey.event.JourneyEvent;
import org.childjourney.core.journey.event.JourneyErased;
import org.childjourney.core.journey.event.JourneySealed;
import org.childjourney.core.journey.event.JourneyUnsealed;
import org.childjourney.core.journey.event.JourneysLinked;
import org.childjourney.core.journey.event.JourneysUnlinked;
import org.childjourney.core.journey.event.NoticeAcknowledged;
import org.childjourney.core.journey.event.PossibleDuplicateRaised;
import org.childjourney.core.journey.event.PossibleDuplicateResolved;
import org.childjourney.core.journey.event.SharingDeclined;
import org.childjourney.core.journey.event.SharingRefused;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;
import org.jspecify.annotations.Nullable;

/**
 * One child's journey through services: every entry the agencies recorded about the child, in the order the
 * record learned of them. A journey is opened by its first entry; its id is random and never derived from
 * personal data.
 *
 * <p>The journey is the one decider of every write (ADR 0009), and knows itself through {@link JourneyFactsFold},
 * the same fold of its events that decides every read: which entries exist, who recorded them, of what type, which
 * are retracted, whether it is sealed, who has a ground to read it. Agencies push what they already record, so the
 * journey accepts entries in any order (an ended plan without a recorded start is still a fact worth keeping); it
 * refuses only what would corrupt the record: a reused entry id, a decision on something that is not a front-door
 * item, amendments by anyone but the recording agency, the end of a plan by an agency other than the one that
 * started it, and an outcome for no open s.47 enquiry. A release or a decision not to share is decided on the
 * caller's request under the access policy (a ground recorded on the journey is needed) and on the entries named;
 * a refusal is recorded ({@code SharingRefused}). Sealing and unsealing alternate. A break-glass grant tells the lead
 * agency, or the agencies with entries; a receipt is accepted only for a notice raised for that agency. A notice is
 * raised once by its id. A possible duplicate is decided once. A link is made once, to another journey, and undone
 * once. A decision the hub records from its worklist needs the hub's ground. Which service sends which command is the
 * services' concern.
 */
public class ChildJourney {

    @AggregateIdentifier
    private @Nullable ChildJourneyId journeyId;

    private final JourneyFactsFold facts = new JourneyFactsFold();

    /** For the event-sourcing repository. */
    ChildJourney() {
    }

    /**
     * Records an entry as the agency submitted it, unless it would corrupt the record: its id is taken, or it
     * breaks its type's rule on this journey ({@link #requireAllowed}).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordEntry c) {
        JourneyEntry entry = c.entry();
        if (facts.entry(entry.entryId()) != null) {
            throw new JourneyRuleViolation(Rule.ENTRY_ALREADY_RECORDED);
        }
        requireAllowed(entry);
        apply(entry);
    }

    /**
     * The hub's decision on a front-door item that awaits one, recorded from its worklist under the hub's ground as
     * the hub member's agency's {@code contact-decision} (children's social care's alone, as through the gateway):
     * about the child of this journey, whatever identifiers the item was sent with.
     */
    @CommandHandler
    void handle(RecordHubDecision c) {
        AccessDecision decision = AccessPolicies.current().decide(c.request(), facts.facts());
        if (!(decision instanceof AccessDecision.Permitted permitted) || !permitted.grounds().contains(Ground.HUB)
                || !EntryType.CONTACT_DECISION.maySendBy(c.agency().kind())) {
            throw new JourneyRuleViolation(Rule.NO_HUB_GROUND);
        }
        // Only an item that awaits: a decided one decided again would hold the hub's ground open for ever.
        if (!facts.awaitingDecision(c.itemEntryId())) {
            throw new JourneyRuleViolation(Rule.NOT_AWAITING_DECISION);
        }
        ContactDecided decided = new ContactDecided(c.journeyId(), c.entryId(),
                new Provenance(c.agency(), "front-door/" + c.entryId(), c.request().viewer().username(),
                        c.request().at()),
                Subject.ofTheJourney(), Consent.notStated(), c.itemEntryId(), c.decision(), c.rationale());
        if (facts.entry(c.entryId()) != null) {
            throw new JourneyRuleViolation(Rule.ENTRY_ALREADY_RECORDED);
        }
        requireAllowed(decided);
        apply(decided);
    }

    /** @return {@code null} if the release is recorded, else why it was refused (the refusal is recorded) */
    @CommandHandler
    @Nullable SharingRefusal handle(ReleaseEntries c) {
        SharingRefusal refusal = refusal(c.request(), c.entryIds());
        if (refusal != null) {
            apply(new SharingRefused(c.journeyId(), c.request().viewer(), true, c.toAgency(), c.entryIds(), refusal));
            return refusal;
        }
        apply(new EntriesReleased(c.journeyId(), c.request().viewer(), c.toAgency(), c.entryIds(), c.reason()));
        return null;
    }

    /** @return {@code null} if the decision is recorded, else why it was refused (the refusal is recorded) */
    @CommandHandler
    @Nullable SharingRefusal handle(DeclineSharing c) {
        SharingRefusal refusal = refusal(c.request(), c.entryIds());
        if (refusal != null) {
            apply(new SharingRefused(c.journeyId(), c.request().viewer(), false, c.toAgency(), c.entryIds(),
                    refusal));
            return refusal;
        }
        apply(new SharingDeclined(c.journeyId(), c.request().viewer(), c.toAgency(), c.entryIds(), c.reason()));
        return null;
    }

    @CommandHandler
    void handle(RaiseNotice c) {
        if (!facts.noticeRaised(c.noticeId())) {
            apply(new AgencyNotified(c.noticeId(), c.agency(), c.kind(), c.journeyId(), c.entryIds(), c.summary(),
                    c.deliverBy()));
        }
    }

    @CommandHandler
    void handle(AcknowledgeNotice c) {
        if (!facts.noticeFor(c.agency(), c.noticeId())) {
            throw new JourneyRuleViolation(Rule.NO_SUCH_NOTICE);
        }
        if (!facts.acknowledged(c.noticeId())) {
            apply(new NoticeAcknowledged(c.noticeId(), c.agency(), c.acknowledgedBy(), c.journeyId()));
        }
    }

    @CommandHandler
    void handle(SealJourney c) {
        if (facts.sealed()) {
            throw new JourneyRuleViolation(Rule.ALREADY_SEALED);
        }
        apply(new JourneySealed(c.journeyId(), c.sealedBy(), c.reason()));
    }

    @CommandHandler
    void handle(UnsealJourney c) {
        if (!facts.sealed()) {
            throw new JourneyRuleViolation(Rule.NOT_SEALED);
        }
        apply(new JourneyUnsealed(c.journeyId(), c.unsealedBy(), c.reason()));
    }

    @CommandHandler
    BreakGlassGrant handle(OpenBreakGlass c) {
        if (facts.sealed()) {
            throw new JourneyRuleViolation(Rule.ALREADY_SEALED);
        }
        BreakGlassGrant open = facts.grantOpen(c.reader().username(), c.at());
        if (open != null) {
            return open;
        }
        Instant expiresAt = c.at().plus(BreakGlass.WINDOW);
        JourneyFacts before = facts.facts();
        apply(new BreakGlassGranted(c.journeyId(), c.grantId(), c.reader(), c.justification(), c.at(), expiresAt));
        AgencyCode readersAgency = c.reader().agency();
        Set<AgencyCode> toTell = c.toTell() != null ? c.toTell() : before.toTellOfBreakGlass();
        for (AgencyCode told : toTell) {
            apply(new AgencyNotified(c.grantId() + "-" + told.value(), told, NoticeKind.BREAK_GLASS_NOTICE,
                    c.journeyId(), List.of(), "A practitioner"
                            + (readersAgency == null ? "" : " of " + readersAgency.value())
                            + " read this child's record by emergency access, for four hours; the access is flagged "
                            + "for the auditors' review.", null));
        }
        return new BreakGlassGrant(c.grantId(), c.reader().username(), c.at(), expiresAt, true);
    }

    @CommandHandler
    void handle(ReviewBreakGlass c) {
        if (!facts.grantAwaitingReview(c.grantId())) {
            throw new JourneyRuleViolation(Rule.NO_GRANT_TO_REVIEW);
        }
        apply(new BreakGlassReviewed(c.journeyId(), c.grantId(), c.reviewer(), c.outcome(), c.note()));
    }

    @CommandHandler
    void handle(RaisePossibleDuplicate c) {
        apply(new PossibleDuplicateRaised(c.journeyId(), c.taskId(), c.otherJourneyId(), c.reason(), c.score(),
                c.reasons()));
    }

    /** @return the other journey of the possible duplicate, which holds the same task */
    @CommandHandler
    ChildJourneyId handle(ResolvePossibleDuplicate c) {
        ChildJourneyId other = facts.duplicateAwaitingDecision(c.taskId());
        if (other == null) {
            throw new JourneyRuleViolation(Rule.NO_SUCH_TASK);
        }
        apply(new PossibleDuplicateResolved(c.journeyId(), c.taskId(), c.decidedBy(), c.decision(), c.evidence()));
        return other;
    }

    /** One side of a link: never to itself, never twice, never while sealed (a sealed journey is found by no one). */
    @CommandHandler
    void handle(LinkJourney c) {
        if (c.journeyId().equals(c.otherJourneyId())) {
            throw new JourneyRuleViolation(Rule.LINKED_TO_ITSELF);
        }
        if (facts.sealed()) {
            throw new JourneyRuleViolation(Rule.ALREADY_SEALED);
        }
        if (facts.linked(c.journeyId(), c.otherJourneyId())) {
            throw new JourneyRuleViolation(Rule.ALREADY_LINKED);
        }
        apply(new JourneysLinked(c.journeyId(), c.otherJourneyId(), c.linkedBy(), c.evidence()));
    }

    /** One side of an unlink, of a link in force. */
    @CommandHandler
    void handle(UnlinkJourney c) {
        if (!facts.linked(c.journeyId(), c.otherJourneyId())) {
            throw new JourneyRuleViolation(Rule.NOT_LINKED);
        }
        apply(new JourneysUnlinked(c.journeyId(), c.otherJourneyId(), c.unlinkedBy(), c.evidence()));
    }

    /**
     * Erases the journey's content (ADR 0015): the journey records its erasure, in clear, and takes nothing more; the
     * services then delete its key, the ledger's rows and the read models' documents. A linked journey is unlinked
     * first, and a possible duplicate decided, so that no other journey is left naming erased content.
     */
    @CommandHandler
    void handle(EraseJourney c) {
        JourneyFacts now = facts.facts();
        if (!now.linked().isEmpty()) {
            throw new JourneyRuleViolation(Rule.STILL_LINKED);
        }
        if (now.possibleDuplicate()) {
            throw new JourneyRuleViolation(Rule.DUPLICATE_UNDECIDED);
        }
        apply(new JourneyErased(c.journeyId(), c.erasedBy(), c.ground(), c.reason()));
    }

    /** An erased journey takes no command: no entry, no decision, no second erasure. */
    @CommandHandlerInterceptor
    void refuseOnceErased() {
        if (facts.erasure() != null) {
            throw new JourneyRuleViolation(Rule.JOURNEY_ERASED);
        }
    }

    @EventSourcingHandler
    void on(JourneyEvent event, @Timestamp Instant recordedAt) {
        journeyId = event.journeyId();
        facts.when(event, recordedAt);
    }

    /**
     * The rules of the types that act on earlier entries: the front door decides on a front-door item, a plan ends
     * by the agency that started it, an outcome closes an open s.47 enquiry, and only the recording agency amends
     * its entry, once retracted never again. Every other type may always be recorded.
     */
    private void requireAllowed(JourneyEntry entry) {
        AgencyCode agency = entry.provenance().agency().code();
        if (entry instanceof ContactDecided decided) {
            EntryFacts item = facts.entry(decided.contactEntryId());
            if (item == null
                    || (item.type() != EntryType.CONTACT && item.type() != EntryType.DOMESTIC_ABUSE_NOTIFICATION)) {
                throw new JourneyRuleViolation(Rule.NOT_A_CONTACT);
            }
        } else if (entry instanceof ChildProtectionPlanEnded) {
            EntryFacts plan = facts.childProtectionPlan();
            if (plan != null && !plan.agency().equals(agency)) {
                throw new JourneyRuleViolation(Rule.PLAN_STARTED_BY_ANOTHER_AGENCY);
            }
        } else if (entry instanceof EnquiryConcluded concluded) {
            if (!facts.enquiryOpen(concluded.strategyDiscussionEntryId())) {
                throw new JourneyRuleViolation(Rule.NOT_AN_OPEN_ENQUIRY);
            }
        } else if (entry instanceof EntryCorrected correction) {
            requireAmendable(correction.targetEntryId(), agency);
        } else if (entry instanceof EntryRetracted retraction) {
            requireAmendable(retraction.targetEntryId(), agency);
        }
    }

    /**
     * Why a release or a decision not to share may not be recorded, or {@code null}: it needs a ground recorded on
     * the journey (a triage check or break-glass lets a practitioner read in a hurry, not decide what others may
     * see), and entries on the journey.
     */
    private @Nullable SharingRefusal refusal(AccessRequest request, List<EntryId> named) {
        AccessDecision decision = AccessPolicies.current().decide(request, facts.facts());
        if (!(decision instanceof AccessDecision.Permitted permitted) || permitted.grounds().stream()
                .allMatch(ground -> ground == Ground.BREAK_GLASS || ground == Ground.TRIAGE_CHECK)) {
            return SharingRefusal.NO_GROUND;
        }
        if (named.isEmpty() || named.stream().anyMatch(entryId -> facts.entry(entryId) == null)) {
            return SharingRefusal.NOT_ON_JOURNEY;
        }
        return null;
    }

    private void requireAmendable(EntryId target, AgencyCode amendingAgency) {
        EntryFacts entry = facts.entry(target);
        if (entry == null || entry.type().amends()) {
            throw new JourneyRuleViolation(Rule.NO_SUCH_ENTRY);
        }
        if (!entry.agency().equals(amendingAgency)) {
            throw new JourneyRuleViolation(Rule.NOT_RECORDING_AGENCY);
        }
        if (facts.retracted(target)) {
            throw new JourneyRuleViolation(Rule.ALREADY_RETRACTED);
        }
    }
}
