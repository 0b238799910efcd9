package org.childjourney.core.agency;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kinds of item that flow back to an agency's inbox. Constants are stored: never renamed or removed. */
public enum NoticeKind {
    /** Someone read a child whose record the agency owns, for a purpose the agency should hear of. */
    ACCESS_NOTICE,
    /** Someone read a child's record by break-glass emergency access; flagged for review. */
    BREAK_GLASS_NOTICE;

    /** The kind as the contract writes it, e.g. {@code access-notice}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
