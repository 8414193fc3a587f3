package nl.wijkopmaat.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import nl.wijkopmaat.common.portal.Layout;
import nl.wijkopmaat.common.portal.Layouts;
import nl.wijkopmaat.common.portal.Redirects;
import nl.wijkopmaat.common.portal.Texts;
import nl.wijkopmaat.common.portal.Workspace;
import nl.wijkopmaat.common.portal.Workspace.Entry;
import nl.wijkopmaat.common.security.Callers;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code /werkplek}: the workspaces of the signed-in person, one per role and scope they hold. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
class WorkspacePages {

    private final List<Workspace> workspaces;
    private final Layouts layouts;

    WorkspacePages(List<Workspace> workspaces, Layouts layouts) {
        this.workspaces = workspaces;
        this.layouts = layouts;
    }

    @Get("/werkplek")
    MutableHttpResponse<?> workspaces(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Redirects.signIn(request);
        }
        UUID person = Callers.accountId(authentication);
        Texts texts = layouts.texts(request);
        List<Entry> entries = workspaces.stream().flatMap(workspace -> workspace.entriesFor(person, texts).stream()).toList();
        return HttpResponse.ok(new ModelAndView<>("account/workspaces",
                Map.of("page", new WorkspacesPage(layouts.of(request, "portal.workspaces.title"), entries))));
    }

    record WorkspacesPage(Layout layout, List<Entry> entries) {
    }
}
