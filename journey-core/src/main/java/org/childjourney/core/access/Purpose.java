package org.childjourney.core.access;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * Why a reader reads a child's journey, stated with every read ({@code X-Purpose}). Each purpose relies on one
 * lawful basis. Constants are stored in disclosure records: never renamed or removed.
 */
public enum Purpose {
    SAFEGUARDING_ENQUIRY("safeguarding-enquiry", LawfulBasis.SECTION_47_ENQUIRY),
    CHILD_IN_NEED("child-in-need", LawfulBasis.SECTION_17_CHILD_IN_NEED),
    EARLY_HELP("early-help", LawfulBasis.SECTION_10_COOPERATION),
    MASH_TRIAGE("mash-triage", LawfulBasis.SECTION_11_SAFEGUARDING_DUTY),
    UNSCHEDULED_CARE("unscheduled-care", LawfulBasis.HEALTH_AND_CARE),
    CASE_REVIEW("case-review", LawfulBasis.CASE_REVIEW),
    /** Break-glass: needs a justification, and is flagged for review. */
    EMERGENCY("emergency", LawfulBasis.VITAL_INTERESTS_SAFEGUARDING);

    private final String header;
    private final LawfulBasis basis;

    Purpose(String header, LawfulBasis basis) {
        this.header = header;
        this.basis = basis;
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
