package org.childjourney.core.feedback;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.EntryType;
import org.childjourney.core.journey.event.EntryRetracted;
import org.childjourney.core.journey.event.JourneyEntry;
import org.childjourney.core.journey.event.JourneyEvent;
import org.jspecify.annotations.Nullable;

/**
 * A journey's entries as {@link Signal}s, folded from its events oldest first: every entry but amendments, less those
 * retracted (a retracted attendance never happened, as far as a pattern goes). Mutable for speed; a copy is taken to
 * fold further without changing it.
 */
public final class JourneySignals {

    private final Map<EntryId, Signal> signals;

    public JourneySignals() {
        this.signals = new LinkedHashMap<>();
    }

    /** A copy of {@code other}. */
    public JourneySignals(JourneySignals other) {
        this.signals = new LinkedHashMap<>(other.signals);
    }

    /** Folds one more event, recorded at {@code recordedAt}. */
    public JourneySignals when(JourneyEvent event, Instant recordedAt) {
        if (event instanceof EntryRetracted retraction) {
            signals.remove(retraction.targetEntryId());
        } else if (event instanceof JourneyEntry entry && !EntryType.of(entry).amends()) {
            signals.put(entry.entryId(), Signal.of(entry, recordedAt));
        }
        return this;
    }

    /** The entry with this id, unless it is retracted or not on the journey. */
    public @Nullable Signal signal(EntryId entryId) {
        return signals.get(entryId);
    }

    /** Every standing entry, in the order the record learned of them: a view, read at every entry, never copied. */
    public Collection<Signal> all() {
        return Collections.unmodifiableCollection(signals.values());
    }
}
