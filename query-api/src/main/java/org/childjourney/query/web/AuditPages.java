package org.childjourney.query.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.access.Role;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.agency.AgencyRegister;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.query.audit.Disclosures;
import org.childjourney.query.audit.FindDisclosures;
import org.childjourney.query.audit.PageToken;
import org.childjourney.query.breakglass.FindGrants;
import org.childjourney.query.breakglass.GrantReview;
import org.childjourney.query.security.InvalidReadRequest;
import org.childjourney.query.security.JourneyIds;
import org.childjourney.query.security.ReadRefused;
import org.childjourney.query.security.Reader;
import org.childjourney.query.security.Readers;
import org.childjourney.query.security.SignedIn;
import org.childjourney.query.timeline.FindTimelineAsAt;
import org.childjourney.query.timeline.TimelineAsAt;
import org.childjourney.query.timeline.TimelineAsAtRead;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The auditors' pages: a journey as it was recorded at a date, and as a viewer then saw it; the disclosure log; the
 * break-glass review queue. Each is the API's read for {@code case-review}, recorded as such.
 */
@Controller
class AuditPages {

    private static final int LONGEST_NOTE = 4000;

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Readers readers;
    private final AgencyRegister register;

    AuditPages(QueryGateway queries, CommandGateway commands, Readers readers, AgencyRegister register) {
        this.queries = queries;
        this.commands = commands;
        this.readers = readers;
        this.register = register;
    }

    @GetMapping("/audit")
    String audit(@SignedIn Jwt token, Model model) {
        Readers.holding(token, Role.AUDITOR);
        model.addAttribute("purposes", Purpose.values());
        return "audit";
    }

    /** The journey as recorded at the end of a day (in England's time), and optionally as a viewer saw it then. */
    @PostMapping("/audit/as-at")
    String asAt(@SignedIn Jwt token, @RequestParam String journeyId, @RequestParam String day,
            @RequestParam(required = false) @Nullable String viewer,
            @RequestParam(required = false) @Nullable String viewerPurpose, Model model) {
        Reader reader = readers.of(token, Purpose.CASE_REVIEW.header(), null);
        Instant at = endOf(day);
        String who = viewer == null || viewer.isBlank() ? null : viewer.strip();
        Purpose whyThen = who == null || viewerPurpose == null || viewerPurpose.isBlank() ? null
                : Purpose.fromHeader(viewerPurpose).orElseThrow(
                        () -> new InvalidReadRequest("viewerPurpose", "must be one of the purposes"));
        ChildJourneyId journey = JourneyIds.parse(journeyId.strip());
        TimelineAsAtRead read = queries.query(new FindTimelineAsAt(journey, reader, at, who, whyThen),
                ResponseTypes.instanceOf(TimelineAsAtRead.class)).join();
        if (!(read instanceof TimelineAsAtRead.Shown shown)) {
            throw new ReadRefused();
        }
        TimelineAsAt timeline = shown.timeline();
        model.addAttribute("timeline", timeline);
        model.addAttribute("day", day);
        model.addAttribute("viewer", who);
        model.addAttribute("page", TimelinePage.of(timeline.entries(),
                new TimelinePage.Filter(null, null, null, null), register));
        model.addAttribute("reads", timeline.reads());
        return "audit-as-at";
    }

    @GetMapping("/audit/disclosures")
    String disclosures(@SignedIn Jwt token, @RequestParam(required = false) @Nullable String journeyId,
            @RequestParam(required = false) @Nullable String viewer,
            @RequestParam(required = false) @Nullable String page, Model model) {
        Viewer auditor = Readers.holding(token, Role.AUDITOR);
        ChildJourneyId journey = journeyId == null || journeyId.isBlank() ? null : JourneyIds.parse(journeyId);
        Disclosures found = queries.query(new FindDisclosures(auditor, journey,
                viewer == null || viewer.isBlank() ? null : viewer, null, null, PageToken.at(page == null || page.isBlank() ? null : page)),
                ResponseTypes.instanceOf(Disclosures.class)).join();
        model.addAttribute("disclosures", found);
        model.addAttribute("journeyId", journey == null ? "" : journey.toString());
        model.addAttribute("viewer", viewer == null ? "" : viewer);
        return "audit-disclosures";
    }

    @GetMapping("/audit/break-glass")
    String breakGlass(@SignedIn Jwt token, @RequestParam(defaultValue = "false") boolean reviewed, Model model) {
        model.addAttribute("grants", GrantReview.grants(queries,
                new FindGrants(Readers.holding(token, Role.AUDITOR), reviewed, null)));
        model.addAttribute("reviewed", reviewed);
        return "audit-break-glass";
    }

    @PostMapping("/audit/break-glass/{grantId}/review")
    String review(@SignedIn Jwt token, @PathVariable String grantId,
            @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        Viewer auditor = Readers.holding(token, Role.AUDITOR);
        if (outcome == null || !outcome.matches("justified|not-justified") || note == null || note.isBlank()
                || note.length() > LONGEST_NOTE) {
            redirect.addFlashAttribute("problem", "Choose justified or not justified, and give your reasons in at most "
                    + LONGEST_NOTE + " characters");
        } else if (new GrantReview(outcome, note.strip()).record(queries, commands, auditor, grantId)) {
            redirect.addFlashAttribute("done", "Your review is recorded.");
        } else {
            redirect.addFlashAttribute("problem", "That grant is not in the queue yet; try again in a moment");
        }
        return "redirect:/audit/break-glass";
    }

    private static Instant endOf(String day) {
        try {
            return LocalDate.parse(day.strip()).plusDays(1).atStartOfDay(TimelinePage.ENGLAND).toInstant();
        } catch (DateTimeParseException notADay) {
            throw new InvalidReadRequest("day", "must be a date, e.g. 2026-11-01");
        }
    }
}
