package org.childjourney.core.journey.event;

import java.util.Locale;
import org.childjourney.core.consent.Consent;
import org.childjourney.core.journey.ConsentScope;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.person.Subject;
import org.childjourney.core.provenance.Provenance;

/**
 * An entry on a child's journey: something an agency recorded and submitted, with where it came from, who it is
 * about and the consent it was shared under. Each type of entry is one record of this interface, named by an
 * {@code EntryType} constant: its details are the record's other fields, each declared with the constraints the
 * gateway checks ({@code org.childjourney.core.journey.details}), and it says how it reads on a timeline.
 */
public non-sealed interface JourneyEntry extends JourneyEvent {

    EntryId entryId();

    Provenance provenance();

    Subject subject();

    Consent consent();

    /**
     * How the entry reads on a timeline: one line in plain words, neutral (no scores, no verdicts), never naming
     * the child.
     */
    String summary();

    /** The recording agency's code, as summaries name it. */
    default String agencyCode() {
        return provenance().agency().code().value();
    }

    /** A choice in plain lower-case words: {@code PHYSICAL_ABUSE} reads "physical abuse". */
    static String words(Enum<?> choice) {
        return choice.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Whom a consent scope covers, in words: "all agencies", "education agencies". */
    static String agencies(ConsentScope scope) {
        return scope.agencyKind() == null ? "all agencies" : words(scope.agencyKind()) + " agencies";
    }
}
