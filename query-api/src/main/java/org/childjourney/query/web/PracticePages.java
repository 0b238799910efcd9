package org.childjourney.query.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.childjourney.core.access.KeycloakClaims;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.access.ReadKind;
import org.childjourney.core.access.Role;
import org.childjourney.core.access.Viewer;
import org.childjourney.core.agency.AgencyCode;
import org.childjourney.core.agency.AgencyRegister;
import org.childjourney.core.journey.ChildJourneyId;
import org.childjourney.core.journey.EntryId;
import org.childjourney.core.journey.SharingRefusal;
import org.childjourney.core.journey.command.DeclineSharing;
import org.childjourney.core.journey.command.ReleaseEntries;
import org.childjourney.core.person.IdentifierDigests;
import org.childjourney.core.person.Sensitive;
import org.childjourney.query.search.FindJourneys;
import org.childjourney.query.search.IdentifierSearch;
import org.childjourney.query.search.JourneySearch;
import org.childjourney.query.security.DecisionRefused;
import org.childjourney.query.security.InvalidReadRequest;
import org.childjourney.query.security.JourneyIds;
import org.childjourney.query.security.ReadRefused;
import org.childjourney.query.security.Reader;
import org.childjourney.query.security.Readers;
import org.childjourney.query.security.SignedIn;
import org.childjourney.query.timeline.FindTimeline;
import org.childjourney.query.timeline.Timeline;
import org.childjourney.query.timeline.TimelineRead;
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
 * The practitioners' pages: the start page, finding a child (the purpose chosen first, the identifier posted, never
 * in a URL), the journey read for that purpose, and recording from it a decision not to share (or, for the hub, a
 * release). Each read is the API's read, through the same query and its disclosure record.
 */
@Controller
class PracticePages {

    static final Pattern ENTRY_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Readers readers;
    private final IdentifierDigests digests;
    private final AgencyRegister register;
    private final Clock clock;

    PracticePages(QueryGateway queries, CommandGateway commands, Readers readers, IdentifierDigests digests,
            AgencyRegister register, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.readers = readers;
        this.digests = digests;
        this.register = register;
        this.clock = clock;
    }

    /** A purpose as the find page offers it. */
    record PurposeChoice(String value, String label) {
    }

    /** What a search asked, shown again with what was wrong with it (the justification is typed again). */
    record FindForm(@Nullable String purpose, @Nullable String nhsNumber, @Nullable String system,
            @Nullable String value) {

        static final FindForm EMPTY = new FindForm(null, null, null, null);
    }

    @GetMapping("/")
    String start(@SignedIn Jwt token, Model model) {
        Viewer viewer = viewer(token);
        model.addAttribute("viewer", viewer);
        model.addAttribute("hub", viewer.holds(Role.MASH));
        model.addAttribute("auditor", viewer.holds(Role.AUDITOR));
        return "start";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }

    @GetMapping("/find")
    String find(@SignedIn Jwt token, Model model) {
        model.addAttribute("asked", FindForm.EMPTY);
        return findForm(viewer(token), model, null, null);
    }

    /** Finds a child's journey: one found opens; several are listed; none found and refused read alike. */
    @PostMapping("/find")
    String found(@SignedIn Jwt token, @RequestParam(required = false) @Nullable String purpose,
            @RequestParam(required = false) @Nullable String justification,
            @RequestParam(required = false) @Nullable String nhsNumber,
            @RequestParam(required = false) @Nullable String system,
            @RequestParam(required = false) @Nullable String value, HttpSession session, Model model,
            HttpServletResponse response) {
        Reader reader;
        String digest;
        try {
            reader = readers.of(token, purpose, justification);
            // The form has both; the one filled in is the search (both, or neither, is the identifier's error).
            digest = new IdentifierSearch(blankless(nhsNumber), blankless(system), blankless(value)).digest(digests);
        } catch (InvalidReadRequest invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("asked", new FindForm(purpose, nhsNumber, system, value));
            return findForm(viewer(token), model, invalid.field(), invalid.getMessage());
        }
        JourneySearch search = queries.query(new FindJourneys(digest, reader),
                ResponseTypes.instanceOf(JourneySearch.class)).join();
        if (!(search instanceof JourneySearch.Found found) || found.journeys().isEmpty()) {
            throw new ReadRefused();
        }
        StatedPurpose stated = new StatedPurpose(reader.purpose(), reader.justification(), token.getSubject(), now());
        found.journeys().forEach(journey -> stated.keepFor(journey.journeyId(), session));
        if (found.journeys().size() == 1) {
            return "redirect:/journeys/" + found.journeys().get(0).journeyId();
        }
        model.addAttribute("journeys", found.journeys());
        return "found";
    }

    /** The journey, read for the purpose stated when it was found; filtered by agency, type and period. */
    @GetMapping("/journeys/{journeyId}")
    String journey(@SignedIn Jwt token, @PathVariable String journeyId,
            @RequestParam(required = false) @Nullable String agency,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            HttpSession session, Model model) {
        ChildJourneyId journey = JourneyIds.parse(journeyId);
        TimelinePage.Filter filter = new TimelinePage.Filter(blankless(agency), blankless(type), day("from", from),
                day("to", to));
        Optional<StatedPurpose> stated = StatedPurpose.of(journey.toString(), token.getSubject(), now(), session);
        if (stated.isEmpty()) {
            return "redirect:/find";
        }
        Reader reader = readers.of(token, stated.get().purpose().header(), stated.get().justification());
        TimelineRead read = queries.query(new FindTimeline(journey, reader),
                ResponseTypes.instanceOf(TimelineRead.class)).join();
        if (!(read instanceof TimelineRead.Shown shown)) {
            throw new ReadRefused();
        }
        Timeline timeline = shown.timeline();
        model.addAttribute("timeline", timeline);
        model.addAttribute("page", TimelinePage.of(timeline.entries(), filter, register));
        model.addAttribute("purpose", Words.purpose(reader.purpose()));
        model.addAttribute("grounds", timeline.grounds().stream().map(Words::ground).toList());
        model.addAttribute("asOf", timeline.asOf() == null ? null : TimelinePage.time(timeline.asOf()));
        model.addAttribute("emergency", reader.purpose() == Purpose.EMERGENCY);
        model.addAttribute("mayRelease", reader.purpose() == Purpose.MASH_TRIAGE);
        // A decision not to share rests on a ground recorded on the journey, not on emergency access or a check.
        model.addAttribute("mayDecline", reader.viewer().holds(Role.PRACTITIONER) && timeline.grounds().stream()
                .anyMatch(ground -> !ground.equals("break-glass") && !ground.equals("triage-check")));
        model.addAttribute("agencies", register.agencies().keySet().stream().sorted().toList());
        return "journey";
    }

    @PostMapping("/journeys/{journeyId}/non-disclosures")
    String declineSharing(@SignedIn Jwt token, @PathVariable String journeyId,
            @RequestParam(required = false) @Nullable String toAgency,
            @RequestParam(name = "entryId", required = false) @Nullable List<String> entryIds,
            @RequestParam(required = false) @Nullable String reason, HttpSession session,
            RedirectAttributes redirect) {
        Reader reader = statedReader(token, journeyId, session);
        if (!reader.viewer().holds(Role.PRACTITIONER)) {
            throw new ReadRefused();
        }
        return decided(journeyId, SharingForm.of(toAgency, entryIds, reason, register), redirect,
                form -> new DeclineSharing(JourneyIds.parse(journeyId), reader.request(ReadKind.TIMELINE, now()),
                        form.agency(), form.entries(), Sensitive.of(form.reason())),
                "Your decision not to share with " + toAgency + " is recorded.");
    }

    @PostMapping("/journeys/{journeyId}/releases")
    String release(@SignedIn Jwt token, @PathVariable String journeyId,
            @RequestParam(required = false) @Nullable String toAgency,
            @RequestParam(name = "entryId", required = false) @Nullable List<String> entryIds,
            @RequestParam(required = false) @Nullable String reason, HttpSession session,
            RedirectAttributes redirect) {
        Reader reader = statedReader(token, journeyId, session);
        if (reader.purpose() != Purpose.MASH_TRIAGE) {
            throw new ReadRefused();
        }
        return decided(journeyId, SharingForm.of(toAgency, entryIds, reason, register), redirect,
                form -> new ReleaseEntries(JourneyIds.parse(journeyId), reader.request(ReadKind.TIMELINE, now()),
                        form.agency(), form.entries(), Sensitive.of(form.reason())),
                "The release to " + toAgency + " is recorded.");
    }

    /** Records a sharing decision the form asks for, or says what is wrong with the form; back to the journey. */
    private String decided(String journeyId, SharingForm form, RedirectAttributes redirect,
            Function<SharingForm, Object> command, String done) {
        if (form.problem() != null) {
            redirect.addFlashAttribute("sharingProblem", form.problem());
        } else {
            decide(command.apply(form));
            redirect.addFlashAttribute("done", done);
        }
        return "redirect:/journeys/" + journeyId;
    }

    /** The sharing decision a form asks for, or what is wrong with it; within the API's limits. */
    record SharingForm(@Nullable AgencyCode agency, List<EntryId> entries, String reason, @Nullable String problem) {

        static final int MOST_ENTRIES = 500;
        static final int LONGEST_REASON = 2000;

        static SharingForm of(@Nullable String toAgency, @Nullable List<String> entryIds, @Nullable String reason,
                AgencyRegister register) {
            AgencyCode agency = toAgency == null || !register.agencies().containsKey(toAgency) ? null
                    : AgencyCode.of(toAgency);
            List<EntryId> entries = entryIds == null ? List.of()
                    : entryIds.stream().filter(ENTRY_ID.asMatchPredicate()).map(EntryId::of).toList();
            String problem = null;
            if (agency == null) {
                problem = "Choose the agency";
            } else if (entries.isEmpty() || entries.size() != entryIds.size()) {
                problem = "Choose at least one entry from the timeline";
            } else if (entries.size() > MOST_ENTRIES) {
                problem = "Choose at most " + MOST_ENTRIES + " entries";
            } else if (reason == null || reason.isBlank()) {
                problem = "Say why";
            } else if (reason.length() > LONGEST_REASON) {
                problem = "Say why in at most " + LONGEST_REASON + " characters";
            }
            return new SharingForm(agency, entries, reason == null ? "" : reason.strip(), problem);
        }
    }

    private void decide(Object command) {
        SharingRefusal refusal;
        try {
            refusal = commands.sendAndWait(command);
        } catch (AggregateNotFoundException unknown) {
            throw new ReadRefused();
        }
        if (refusal == SharingRefusal.NOT_ON_JOURNEY) {
            throw new DecisionRefused("an entry named is not on this journey (a linked journey's entry is decided "
                    + "on that journey)");
        }
        if (refusal != null) {
            throw new ReadRefused();
        }
    }

    private Reader statedReader(Jwt token, String journeyId, HttpSession session) {
        StatedPurpose stated = StatedPurpose.of(JourneyIds.parse(journeyId).toString(), token.getSubject(), now(),
                session).orElseThrow(ReadRefused::new);
        return readers.of(token, stated.purpose().header(), stated.justification());
    }

    private String findForm(Viewer viewer, Model model, @Nullable String field, @Nullable String problem) {
        model.addAttribute("purposes", Arrays.stream(Purpose.values())
                .filter(purpose -> purpose.roles().stream().anyMatch(viewer::holds))
                .map(purpose -> new PurposeChoice(purpose.header(), Words.purpose(purpose))).toList());
        model.addAttribute("systems", register.localIds().agencySystems().keySet().stream().sorted().toList());
        model.addAttribute("problemField", field);
        model.addAttribute("problem", problem);
        return "find";
    }

    private static Viewer viewer(Jwt token) {
        return KeycloakClaims.viewer(token.getClaims(), token.getSubject());
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static @Nullable String blankless(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static @Nullable LocalDate day(String field, @Nullable String text) {
        try {
            return blankless(text) == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException notADay) {
            throw new InvalidReadRequest(field, "must be a date, e.g. 2026-11-01");
        }
    }
}
