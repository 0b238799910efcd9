package org.childjourney.query.web;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.access.Role;
import org.childjourney.core.agency.AgencyRegister;
import org.childjourney.query.frontdoor.FindFrontDoor;
import org.childjourney.query.frontdoor.FrontDoorPage;
import org.childjourney.query.frontdoor.HubDecision;
import org.childjourney.query.security.InvalidReadRequest;
import org.childjourney.query.security.JourneyIds;
import org.childjourney.query.security.Readers;
import org.childjourney.query.security.SignedIn;
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
 * The hub's pages: the front door's worklist, oldest first, each item opened for triage (its journey read for
 * {@code mash-triage}, where releases are made) or decided with a rationale.
 */
@Controller
class HubPages {

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Readers readers;
    private final AgencyRegister register;
    private final Clock clock;

    HubPages(QueryGateway queries, CommandGateway commands, Readers readers, AgencyRegister register, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.readers = readers;
        this.register = register;
        this.clock = clock;
    }

    /** The last page a listing may ask for, as the API's. */
    private static final int MOST_PAGES = 10_000;
    private static final int LONGEST_RATIONALE = 4000;

    @GetMapping("/hub")
    String worklist(@SignedIn Jwt token, @RequestParam(defaultValue = "0") int page, Model model) {
        if (page < 0 || page > MOST_PAGES) {
            throw new InvalidReadRequest("page", "is a page number from 0 to " + MOST_PAGES);
        }
        FrontDoorPage found = queries.query(new FindFrontDoor(Readers.holding(token, Role.MASH), page),
                ResponseTypes.instanceOf(FrontDoorPage.class)).join();
        model.addAttribute("items", found.items());
        model.addAttribute("next", found.more() ? page + 1 : null);
        model.addAttribute("decisions", Arrays.asList(HubDecision.DECISIONS.split("\\|")));
        return "hub";
    }

    /** Opens an item's journey for triage: the purpose goes in the session, the journey's id in the URL. */
    @PostMapping("/hub/journeys/{journeyId}")
    String triage(@SignedIn Jwt token, @PathVariable String journeyId, HttpSession session) {
        Readers.holding(token, Role.MASH);
        String journey = JourneyIds.parse(journeyId).toString();
        new StatedPurpose(Purpose.MASH_TRIAGE, null, token.getSubject(), Instant.now(clock)).keepFor(journey, session);
        return "redirect:/journeys/" + journey;
    }

    @PostMapping("/hub/decisions")
    String decide(@SignedIn Jwt token, @RequestParam String journeyId, @RequestParam String entryId,
            @RequestParam(required = false) @Nullable String decision,
            @RequestParam(required = false) @Nullable String rationale, RedirectAttributes redirect) {
        if (!PracticePages.ENTRY_ID.matcher(entryId).matches()) {
            throw new InvalidReadRequest("entryId", "must be an item of the worklist");
        }
        if (decision == null || !decision.matches(HubDecision.DECISIONS) || rationale == null || rationale.isBlank()
                || rationale.length() > LONGEST_RATIONALE) {
            redirect.addFlashAttribute("problem", "Choose a decision and give its rationale, in at most "
                    + LONGEST_RATIONALE + " characters");
            redirect.addFlashAttribute("problemEntry", entryId);
            return "redirect:/hub";
        }
        new HubDecision(JourneyIds.parse(journeyId).toString(), entryId, decision, rationale.strip()).record(commands,
                readers.of(token, Purpose.MASH_TRIAGE.header(), null), register, Instant.now(clock));
        redirect.addFlashAttribute("done", "The decision is recorded; the referrer is told the outcome.");
        return "redirect:/hub";
    }
}
