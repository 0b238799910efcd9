package org.childjourney.core.agency;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kinds of item that flow back to an agency's inbox. Constants are stored: never renamed or removed. */
public enum NoticeKind {
    /** Someone read a child whose record the agency owns, for a purpose the agency should hear of. */
    ACCESS_NOTICE,
    /** Someone read a child's record by break-glass emergency access; flagged for review. */
    BREAK_GLASS_NOTICE,
    /** The front door decided on a contact or domestic abuse notification the agency sent or referred: the decision
     * and its date, never the rationale. */
    REFERRAL_OUTCOME,
    /** A child protection plan started or ended for a child the agency works with. */
    PLAN_NOTICE,
    /** Operation Encompass: a domestic abuse incident the child's school should know of by the next school day,
     * without police detail. */
    ENCOMPASS_NOTICE,
    /** A pattern rule found something over the child's whole journey, citing the entries it rests on. */
    PATTERN_ALERT;

    /** The kind as the contract writes it, e.g. {@code access-notice}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
