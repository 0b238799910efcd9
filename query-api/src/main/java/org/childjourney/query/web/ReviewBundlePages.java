package org.childjourney.query.web;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.childjourney.core.access.Purpose;
import org.childjourney.core.agency.AgencyRegister;
import org.childjourney.query.review.FindReviewBundle;
import org.childjourney.query.review.ReviewBundleRead;
import org.childjourney.query.security.JourneyIds;
import org.childjourney.query.security.ReadRefused;
import org.childjourney.query.security.Reader;
import org.childjourney.query.security.Readers;
import org.childjourney.query.security.SignedIn;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The review bundle's printable chronology and its PDF: for an auditor signed in to the pages
 * ({@code POST /audit/review-bundle} from the audit page, and {@code …/review-bundle.pdf}), and for the API's callers
 * who ask for {@code text/html} or {@code application/pdf} ({@code GET /api/v1/journeys/{journeyId}/review-bundle},
 * bearer token, {@code X-Purpose: case-review}). Each is one query, recorded as the JSON bundle is.
 */
@Controller
class ReviewBundlePages {

    private final QueryGateway queries;
    private final Readers readers;
    private final AgencyRegister register;

    ReviewBundlePages(QueryGateway queries, Readers readers, AgencyRegister register) {
        this.queries = queries;
        this.readers = readers;
        this.register = register;
    }

    /** What an auditor asked for on the audit page, offered again as a PDF. */
    record Asked(String journeyId, @Nullable String from, @Nullable String to) {
    }

    @PostMapping("/audit/review-bundle")
    ModelAndView page(@SignedIn Jwt token, @RequestParam String journeyId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return bundle(readers.of(token, Purpose.CASE_REVIEW.header(), null), journeyId.strip(), from, to,
                "review-bundle").addObject("asked", new Asked(journeyId.strip(), from, to));
    }

    @PostMapping("/audit/review-bundle.pdf")
    ModelAndView pagePdf(@SignedIn Jwt token, @RequestParam String journeyId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return bundle(readers.of(token, Purpose.CASE_REVIEW.header(), null), journeyId.strip(), from, to,
                ReviewBundlePdf.VIEW);
    }

    @GetMapping(value = "/api/v1/journeys/{journeyId}/review-bundle", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView document(@AuthenticationPrincipal Jwt token, @PathVariable String journeyId,
            @RequestHeader(name = Reader.PURPOSE_HEADER, required = false) String purpose,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return bundle(readers.of(token, purpose, null), journeyId, from, to, "review-bundle");
    }

    @GetMapping(value = "/api/v1/journeys/{journeyId}/review-bundle", produces = MediaType.APPLICATION_PDF_VALUE)
    ModelAndView pdf(@AuthenticationPrincipal Jwt token, @PathVariable String journeyId,
            @RequestHeader(name = Reader.PURPOSE_HEADER, required = false) String purpose,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return bundle(readers.of(token, purpose, null), journeyId, from, to, ReviewBundlePdf.VIEW);
    }

    private ModelAndView bundle(Reader reader, String journeyId, @Nullable String from, @Nullable String to,
            String view) {
        ReviewBundleRead read = queries.query(FindReviewBundle.of(JourneyIds.parse(journeyId), reader, from, to),
                ResponseTypes.instanceOf(ReviewBundleRead.class)).join();
        if (!(read instanceof ReviewBundleRead.Shown shown)) {
            throw new ReadRefused();
        }
        return new ModelAndView(view).addObject("bundle", ReviewBundlePage.of(shown.bundle(), register));
    }
}
