package org.childjourney.core.access;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Why a reader reads a child's journey, stated with every read ({@code X-Purpose}). Each purpose names the roles
 * that may use it and relies on one lawful basis. Constants are stored in disclosure records: never renamed or
 * removed.
 */
public enum Purpose {
    /** A s.47 enquiry: hub members, and practitioners of children's social care and the police. */
    SAFEGUARDING_ENQUIRY("safeguarding-enquiry", LawfulBasis.SECTION_47_ENQUIRY, Role.PRACTITIONER, Role.MASH),
    /** Assessment and services for a child in need (s.17): practitioners. */
    CHILD_IN_NEED("child-in-need", LawfulBasis.SECTION_17_CHILD_IN_NEED, Role.PRACTITIONER),
    /** Early help: practitioners. */
    EARLY_HELP("early-help", LawfulBasis.SECTION_10_COOPERATION, Role.PRACTITIONER),
    /** Triage in the multi-agency safeguarding hub: hub members only. */
    MASH_TRIAGE("mash-triage", LawfulBasis.SECTION_11_SAFEGUARDING_DUTY, Role.MASH),
    /** An emergency department checking a child at triage: health practitioners, minimal view. */
    UNSCHEDULED_CARE("unscheduled-care", LawfulBasis.HEALTH_AND_CARE, Role.PRACTITIONER),
    /**
     * Police or health at an incident checking whether a child is known: practitioners of those agencies, the flags
     * only.
     */
    URGENT_CHECK("urgent-check", LawfulBasis.SECTION_11_SAFEGUARDING_DUTY, Role.PRACTITIONER),
    /** A case or practice review: auditors. */
    CASE_REVIEW("case-review", LawfulBasis.CASE_REVIEW, Role.AUDITOR),
    /** Break-glass: practitioners; needs a justification, is bounded in time and flagged for review. */
    EMERGENCY("emergency", LawfulBasis.VITAL_INTERESTS_SAFEGUARDING, Role.PRACTITIONER);

    private final String header;
    private final LawfulBasis basis;
    private final Set<Role> roles;

    Purpose(String header, LawfulBasis basis, Role first, Role... more) {
        this.header = header;
        this.basis = basis;
        this.roles = Collections.unmodifiableSet(EnumSet.of(first, more));
    }

    /** The roles that may read for this purpose. */
    public Set<Role> roles() {
        return roles;
    }

    /** The purpose as written in {@code X-Purpose}. */
    @JsonValue
    public String header() {
        return header;
    }

    /** The lawful basis a read for this purpose relies on. */
    public LawfulBasis basis() {
        return basis;
    }

    /** The purpose an {@code X-Purpose} value names, if it is a recognised one. */
    public static Optional<Purpose> fromHeader(String header) {
        return Arrays.stream(values()).filter(purpose -> purpose.header.equals(header)).findFirst();
    }

    @JsonCreator
    static Purpose ofHeader(String header) {
        return fromHeader(header).orElseThrow(() -> new IllegalArgumentException("unknown purpose"));
    }
}
