package org.childjourney.query.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The review bundle as a PDF: its print template ({@code review-bundle-pdf}, plain XHTML and CSS 2.1 for the PDF
 * renderer) rendered to A4 pages, numbered. A view by name, so that the controllers that offer it stay on the
 * gateways.
 */
@Component(ReviewBundlePdf.VIEW)
class ReviewBundlePdf implements View {

    static final String VIEW = "review-bundle-pdf";

    private final ITemplateEngine templates;

    ReviewBundlePdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    @Override
    public String getContentType() {
        return "application/pdf";
    }

    @Override
    public void render(@Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String page = templates.process(VIEW, new Context(Locale.UK, model == null ? Map.of() : new HashMap<>(model)));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        new PdfRendererBuilder().useFastMode().withHtmlContent(page, null).toStream(pdf).run();
        response.setContentType(getContentType());
        // A name without the child's details: a review bundle, nothing more.
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"review-bundle.pdf\"");
        response.setContentLength(pdf.size());
        pdf.writeTo(response.getOutputStream());
    }
}
