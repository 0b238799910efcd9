package org.childjourney.query.inbox;

import java.util.List;
import java.util.UUID;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.NoticeKind;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.command.RaiseNotice;
import org.childjourney.query.journey.JourneyCommands;
import org.springframework.stereotype.Component;

/**
 * Raises notices for agencies' inboxes from the read that causes them: the journey records each
 * ({@code AgencyNotified}) in its own stream. A notice carries only a summary the receiving agency may see.
 */
@Component
public class Notices {

    private final JourneyCommands commands;

    Notices(JourneyCommands commands) {
        this.commands = commands;
    }

    public void raise(AgencyCode agency, NoticeKind kind, ChildJourneyId journeyId, List<EntryId> entryIds,
            String summary) {
        commands.send(new RaiseNotice(journeyId, UUID.randomUUID().toString(), agency, kind, entryIds,
                summary, null));
    }
}
