package org.childjourney.query.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bson.Document;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.journey.TeamRole;
import org.childjourney.core.journey.event.AeAttendanceRecorded;
import org.childjourney.core.journey.event.ChildProtectionPlanEnded;
import org.childjourney.core.journey.event.ChildProtectionPlanStarted;
import org.childjourney.core.journey.event.ConsentRecorded;
import org.childjourney.core.journey.event.ConsentWithdrawn;
import org.childjourney.core.journey.event.ContactDecided;
import org.childjourney.core.journey.event.ContactReceived;
import org.childjourney.core.journey.event.DomesticAbuseNotified;
import org.childjourney.core.journey.event.EnquiryConcluded;
import org.childjourney.core.journey.event.EntryCorrected;
import org.childjourney.core.journey.event.EntryRetracted;
import org.childjourney.core.journey.event.InvolvementEnded;
import org.childjourney.core.journey.event.InvolvementStarted;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.journey.event.SchoolConcernRaised;
import org.childjourney.core.journey.event.StrategyDiscussionHeld;
import org.childjourney.core.journey.event.TeamMemberAdded;
import org.childjourney.core.journey.event.TeamMemberRemoved;
import org.childjourney.core.person.Sensitive;
import org.jspecify.annotations.Nullable;

/**
 * How each entry reads on the timeline: a one-line summary in plain words, written neutrally (no scores, no
 * verdicts), and its details in the contract's shape. Summaries never name the child.
 */
final class EntryRendering {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A details field's name as the contract spells them: letters and digits, starting with a letter. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

    private EntryRendering() {
    }

    static String summary(JourneyEntry event) {
        String agency = event.provenance().agency().code().value();
        if (event instanceof ContactReceived e) {
            return "Contact about " + words(e.category()) + " from " + agency;
        } else if (event instanceof ContactDecided e) {
            return "Front door decision: " + words(e.decision());
        } else if (event instanceof AeAttendanceRecorded e) {
            return "A&E attendance at " + e.site() + (e.injury() ? ", with an injury" : "");
        } else if (event instanceof DomesticAbuseNotified e) {
            return "Domestic abuse notification, " + words(e.riskLevel()) + " risk, child "
                    + (e.childPresent() ? "present" : "not present");
        } else if (event instanceof SchoolConcernRaised e) {
            return "School concern about " + words(e.category()) + " from " + agency;
        } else if (event instanceof ChildProtectionPlanStarted e) {
            return "Child protection plan started: " + words(e.category());
        } else if (event instanceof ChildProtectionPlanEnded e) {
            return "Child protection plan ended: " + words(e.category());
        } else if (event instanceof InvolvementStarted e) {
            return agency + " started working with the child as " + e.role();
        } else if (event instanceof InvolvementEnded e) {
            return agency + " stopped working with the child as " + e.role();
        } else if (event instanceof ConsentRecorded e) {
            return "Consent " + words(e.consent().status()) + " for sharing with " + scope(e.scope().toString());
        } else if (event instanceof ConsentWithdrawn e) {
            return "Consent withdrawn for sharing with " + scope(e.scope().toString());
        } else if (event instanceof EntryCorrected) {
            return "Entry corrected by " + agency;
        } else if (event instanceof EntryRetracted) {
            return "Entry retracted by " + agency;
        } else if (event instanceof StrategyDiscussionHeld e) {
            return "Strategy discussion: " + words(e.decision());
        } else if (event instanceof EnquiryConcluded e) {
            return "Section 47 enquiry concluded: " + words(e.outcome());
        } else if (event instanceof TeamMemberAdded e) {
            return e.member() + " joined the team around the child as " + words(e.role());
        } else if (event instanceof TeamMemberRemoved e) {
            return e.member() + " left the team around the child as " + words(e.role());
        }
        throw new IllegalStateException("no summary for " + event.getClass().getSimpleName());
    }

    static Document details(JourneyEntry event) {
        Document d = new Document();
        if (event instanceof ContactReceived e) {
            d.append("reason", value(e.reason())).append("category", kebab(e.category()));
            if (e.referrerAgency() != null) {
                d.append("referrerAgency", e.referrerAgency().value());
            }
        } else if (event instanceof ContactDecided e) {
            d.append("contactEntryId", e.contactEntryId().toString()).append("decision", kebab(e.decision()))
                    .append("rationale", value(e.rationale()));
        } else if (event instanceof AeAttendanceRecorded e) {
            d.append("site", e.site()).append("presentingComplaint", value(e.presentingComplaint()))
                    .append("injury", e.injury()).append("dischargedAt", e.dischargedAt().toString());
            if (e.safeguardingConcern() != null) {
                d.append("safeguardingConcern", value(e.safeguardingConcern()));
            }
        } else if (event instanceof DomesticAbuseNotified e) {
            d.append("incidentReference", e.incidentReference()).append("childPresent", e.childPresent())
                    .append("riskLevel", kebab(e.riskLevel())).append("notifySchool", e.notifySchool());
        } else if (event instanceof SchoolConcernRaised e) {
            d.append("category", kebab(e.category())).append("description", value(e.description()))
                    .append("actionTaken", value(e.actionTaken()));
        } else if (event instanceof ChildProtectionPlanStarted e) {
            d.append("category", kebab(e.category()));
        } else if (event instanceof ChildProtectionPlanEnded e) {
            d.append("category", kebab(e.category()));
        } else if (event instanceof InvolvementStarted e) {
            d.append("role", e.role());
        } else if (event instanceof InvolvementEnded e) {
            d.append("role", e.role());
        } else if (event instanceof ConsentRecorded e) {
            d.append("scope", e.scope().toString()).append("reason", value(e.reason()));
        } else if (event instanceof ConsentWithdrawn e) {
            d.append("scope", e.scope().toString()).append("reason", value(e.reason()));
        } else if (event instanceof EntryCorrected e) {
            d.append("targetEntryId", e.targetEntryId().toString()).append("reason", value(e.reason()));
        } else if (event instanceof EntryRetracted e) {
            d.append("targetEntryId", e.targetEntryId().toString()).append("reason", value(e.reason()));
        } else if (event instanceof StrategyDiscussionHeld e) {
            d.append("decision", kebab(e.decision()))
                    .append("participants", e.participants().stream().map(AgencyCode::value).toList())
                    .append("rationale", value(e.rationale()));
        } else if (event instanceof EnquiryConcluded e) {
            d.append("strategyDiscussionEntryId", e.strategyDiscussionEntryId().toString())
                    .append("outcome", kebab(e.outcome())).append("rationale", value(e.rationale()));
        } else if (event instanceof TeamMemberAdded e) {
            teamPlace(d, e.member(), e.role(), e.practitioner());
        } else if (event instanceof TeamMemberRemoved e) {
            teamPlace(d, e.member(), e.role(), e.practitioner());
        }
        return d;
    }

    /**
     * A correction's details as the corrected entry now shows them: the fields of the corrected entry's type, which
     * are plain text, true or false. The agency's JSON is read as JSON and never as MongoDB's extended JSON, and
     * anything else in it (nested structure, names MongoDB reserves, from corrections recorded before the gateway
     * kept only the type's fields) is left out, so that no agency text can make a document the store refuses.
     */
    static Document correctedDetails(EntryCorrected correction) {
        Document details = new Document();
        JsonNode corrected;
        try {
            corrected = JSON.readTree(correction.correctedDetails().value());
        } catch (JsonProcessingException unreadable) {
            return details;
        }
        corrected.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (PLAIN_NAME.matcher(field.getKey()).matches() && (value.isTextual() || value.isBoolean())) {
                details.append(field.getKey(), value.isBoolean() ? value.booleanValue() : value.textValue());
            }
        });
        return details;
    }

    private static void teamPlace(Document d, AgencyCode member, TeamRole role, @Nullable String practitioner) {
        d.append("agency", member.value()).append("role", kebab(role));
        if (practitioner != null) {
            d.append("practitioner", practitioner);
        }
    }

    static String kebab(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String words(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String scope(String scope) {
        return "all".equals(scope) ? "all agencies" : scope.toLowerCase(Locale.ROOT).replace('_', ' ') + " agencies";
    }

    private static @Nullable Object value(@Nullable Sensitive<?> sensitive) {
        return sensitive == null ? null : sensitive.value();
    }
}
