package nl.wijkopmaat.common.portal;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import gg.jte.output.StringOutput;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.i18n.Messages;

import java.util.Map;

/** A refusal or failure answered as a page of the portal instead of a problem+json document. */
@Singleton
public class PortalErrors {

    private final Layouts layouts;
    private final Messages messages;
    private final Templates templates;

    PortalErrors(Layouts layouts, Messages messages, Templates templates) {
        this.layouts = layouts;
        this.messages = messages;
        this.templates = templates;
    }

    public MutableHttpResponse<?> page(HttpRequest<?> request, ApiException exception) {
        Layout layout = layouts.of(request, titleCode(exception.status()));
        String detail = messages.get(exception.code(), layouts.locale(request), exception.args());
        return page(exception.status(), layout, detail);
    }

    public MutableHttpResponse<?> page(HttpRequest<?> request, HttpStatus status, String detailCode) {
        Layout layout = layouts.of(request, titleCode(status));
        return page(status, layout, layout.t(detailCode));
    }

    private String titleCode(HttpStatus status) {
        String code = "portal.error.title." + status.getCode();
        return messages.get(code, Messages.DUTCH).equals(code) ? "portal.error.title.other" : code;
    }

    /** Rendered here, not by the views filter: refusals of the security filters never reach it. */
    private MutableHttpResponse<?> page(HttpStatus status, Layout layout, String detail) {
        StringOutput html = new StringOutput();
        templates.render("common/portal/error", Map.of("page", new ErrorPage(layout, status.getCode(), detail)), html);
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE).body(html.toString());
    }

    /** The model of the error page. */
    public record ErrorPage(Layout layout, int status, String detail) {
    }
}
