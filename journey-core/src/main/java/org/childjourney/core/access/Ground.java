package org.childjourney.core.access;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * What a permitted read rests on (contract v2, "Need to know"). Every ground but {@link #TRIAGE_CHECK} and
 * {@link #BREAK_GLASS} rests on facts recorded on the journey; those two rest on the reader's declared purpose and
 * are bounded, recorded and notified instead. Constants are stored in disclosure records: never renamed or removed.
 */
public enum Ground {
    /** The reader's agency submitted entries about the child, or the hub released entries to it. */
    OWN_RECORD("own-record"),
    /** Children's social care with an open involvement. */
    LEAD("lead"),
    /** An agency, or one practitioner, social care added to the team around the child and has not removed. */
    TEAM("team"),
    /** The social care agency that recorded an open s.47 enquiry, and the enquiry's participants. */
    ENQUIRY("enquiry"),
    /** The hub, while a front-door item awaits its decision and for five days after the last decision. */
    HUB("hub"),
    /** An emergency department at triage, or police and health at an incident: the flags and little else. */
    TRIAGE_CHECK("triage-check"),
    /** An emergency read with a justification: a four-hour grant, reviewed by auditors, notified. */
    BREAK_GLASS("break-glass"),
    /** Auditors reviewing a case. */
    REVIEW("review");

    private final String wireName;

    Ground(String wireName) {
        this.wireName = wireName;
    }

    /** The ground as the contract names it. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    static Ground ofWireName(String wireName) {
        return Arrays.stream(values()).filter(ground -> ground.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown ground"));
    }
}
