package org.childjourney.core.feedback;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.childjourney.core.access.JourneyFacts;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.agency.AgencyRegister;
import org.childjourney.core.agency.NoticeKind;
import org.childjourney.core.journey.EntryField;
import org.childjourney.core.journey.event.ChildProtectionPlanEnded;
import org.childjourney.core.journey.event.ChildProtectionPlanStarted;
import org.childjourney.core.journey.event.ContactDecided;
import org.childjourney.core.journey.event.DomesticAbuseNotified;
import org.childjourney.core.journey.event.JourneyEntry;

/**
 * What an entry tells the agencies around the child, decided on the journey as it stood before the entry:
 *
 * <ul>
 *   <li>a front-door decision tells the agency that sent the contact or domestic abuse notification, and the
 *       referrer it named, the decision and its date, never the rationale ({@code referral-outcome});</li>
 *   <li>a child protection plan's start or end tells every other agency with an open involvement
 *       ({@code plan-notice});</li>
 *   <li>a domestic abuse notification sent with {@code notifySchool} tells the child's school (each education agency
 *       with an open involvement, and no other) at once, for 08:00 on the next school day, with no police detail
 *       ({@code encompass-notice}).</li>
 * </ul>
 */
public final class FeedbackLoops {

    /** The school day's start that an Operation Encompass notice is for, in England's time. */
    static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    static final LocalTime SCHOOL_DAY_STARTS = LocalTime.of(8, 0);
    private static final Comparator<AgencyCode> BY_CODE = Comparator.comparing(AgencyCode::value);

    private FeedbackLoops() {
    }

    /**
     * The notices the entry raises, given the journey's facts and signals before it: the facts are asked for only by
     * the entries that need them (a plan, a domestic abuse notification), so most entries take no snapshot.
     */
    public static List<Notice> of(JourneyEntry entry, Instant recordedAt, Supplier<JourneyFacts> before,
            JourneySignals signals, AgencyRegister register) {
        List<Notice> notices = new ArrayList<>();
        AgencyCode sender = entry.provenance().agency().code();
        if (entry instanceof ContactDecided decided) {
            Signal item = signals.signal(decided.contactEntryId());
            if (item != null) {
                Set<AgencyCode> told = new LinkedHashSet<>();
                told.add(item.agency());
                if (item.referrer() != null) {
                    told.add(item.referrer());
                }
                told.remove(sender);
                String summary = "The front door decided on the " + item.type().wireName().replace('-', ' ')
                        + " of " + day(item.occurredAt()) + ": " + EntryField.kebab(decided.decision())
                        .replace('-', ' ') + ", on " + day(recordedAt) + ".";
                told.forEach(agency -> notices.add(Notice.derived(entry.entryId(), agency,
                        NoticeKind.REFERRAL_OUTCOME, List.of(item.entryId(), entry.entryId()), summary, null)));
            }
        } else if (entry instanceof ChildProtectionPlanStarted || entry instanceof ChildProtectionPlanEnded) {
            String summary = (entry instanceof ChildProtectionPlanStarted
                    ? "A child protection plan started for this child on "
                    : "This child's child protection plan ended on ") + day(entry.provenance().occurredAt())
                    + " (" + sender.value() + ").";
            before.get().openInvolvements().stream().filter(agency -> !agency.equals(sender)).sorted(BY_CODE)
                    .forEach(agency -> notices.add(Notice.derived(entry.entryId(), agency, NoticeKind.PLAN_NOTICE,
                            List.of(entry.entryId()), summary, null)));
        } else if (entry instanceof DomesticAbuseNotified notified && notified.notifySchool()) {
            Instant deliverBy = nextSchoolDay(recordedAt);
            String summary = "Operation Encompass: this child was involved in a domestic abuse incident reported on "
                    + day(recordedAt) + ". Please make sure a trusted adult in school is ready to support the child"
                    + " from 08:00 on " + day(deliverBy) + ". Handle as confidential; do not contact the family"
                    + " about it.";
            before.get().openInvolvements().stream()
                    .filter(agency -> register.kindOf(agency) == AgencyKind.EDUCATION)
                    .sorted(BY_CODE).forEach(school -> notices.add(Notice.derived(entry.entryId(), school,
                            NoticeKind.ENCOMPASS_NOTICE, List.of(entry.entryId()), summary, deliverBy)));
        }
        return notices;
    }

    /**
     * 08:00 on the next school day after {@code at}, in England: the same day if before 08:00, else the next; a
     * Saturday or Sunday moves to Monday. Bank holidays and school holidays are not known.
     */
    public static Instant nextSchoolDay(Instant at) {
        ZonedDateTime local = at.atZone(ENGLAND);
        LocalDate day = local.toLocalTime().isBefore(SCHOOL_DAY_STARTS) ? local.toLocalDate()
                : local.toLocalDate().plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day.atTime(SCHOOL_DAY_STARTS).atZone(ENGLAND).toInstant();
    }

    static String day(Instant at) {
        return at.atZone(ENGLAND).toLocalDate().toString();
    }
}
