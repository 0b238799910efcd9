package org.childjourney.query.web;

import java.util.Locale;
import java.util.Map;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.agency.AgencyKind;

/** The record's codes in the words a practitioner reads them in. */
enum Words {
    ;

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("ae-attendance", "A&E attendance"),
            Map.entry("cp-plan-started", "Child protection plan started"),
            Map.entry("cp-plan-ended", "Child protection plan ended"),
            Map.entry("s47-outcome", "Section 47 enquiry outcome"),
            Map.entry("contact-decision", "Front door decision"),
            Map.entry("adult-service-event", "Parent's or carer's service"));

    private static final Map<String, String> GROUNDS = Map.of(
            "own-record", "your agency recorded entries on it",
            "lead", "your agency leads the child's case",
            "team", "your agency is in the team around the child",
            "enquiry", "a section 47 enquiry is open and your agency takes part",
            "hub", "the hub is deciding on an item",
            "triage-check", "a check at triage",
            "break-glass", "emergency access, flagged for review",
            "review", "a case or practice review");

    private static final Map<Purpose, String> PURPOSES = Map.of(
            Purpose.SAFEGUARDING_ENQUIRY, "Safeguarding enquiry (section 47)",
            Purpose.CHILD_IN_NEED, "Child in need (section 17)",
            Purpose.EARLY_HELP, "Early help",
            Purpose.MASH_TRIAGE, "Triage in the safeguarding hub",
            Purpose.UNSCHEDULED_CARE, "Unscheduled care",
            Purpose.URGENT_CHECK, "Urgent check at an incident",
            Purpose.CASE_REVIEW, "Case or practice review",
            Purpose.EMERGENCY, "Emergency: a child may be at risk of serious harm now");

    /** {@code domestic-abuse-notification} as "Domestic abuse notification". */
    public static String type(String type) {
        return TYPES.getOrDefault(type, sentence(type.replace('-', ' ')));
    }

    /** {@code riskLevel} as "Risk level". */
    static String field(String field) {
        return sentence(field.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT));
    }

    /** {@code not-sought-prejudicial} as "not sought prejudicial": values stay lower case inside a sentence. */
    static String value(String value) {
        return value.replace('-', ' ');
    }

    /** A stored constant, {@code NO_GROUND}, as "no ground". */
    static String constant(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String ground(String ground) {
        return GROUNDS.getOrDefault(ground, value(ground));
    }

    public static String purpose(Purpose purpose) {
        return PURPOSES.get(purpose);
    }

    static String kind(AgencyKind kind) {
        return switch (kind) {
            case POLICE -> "Police";
            case HEALTH -> "Health";
            case EDUCATION -> "Education";
            case CHILDRENS_SOCIAL_CARE -> "Children's social care";
            case EARLY_HELP -> "Early help";
            case ADULT_SERVICES -> "Adult services";
            case OTHER -> "Other";
        };
    }

    /** The GOV.UK tag colour an agency kind is shown in, with its name always beside it. */
    static String colour(AgencyKind kind) {
        return switch (kind) {
            case POLICE -> "govuk-tag--blue";
            case HEALTH -> "govuk-tag--green";
            case EDUCATION -> "govuk-tag--purple";
            case CHILDRENS_SOCIAL_CARE -> "govuk-tag--red";
            case EARLY_HELP -> "govuk-tag--yellow";
            case ADULT_SERVICES -> "govuk-tag--orange";
            case OTHER -> "govuk-tag--grey";
        };
    }

    private static String sentence(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
