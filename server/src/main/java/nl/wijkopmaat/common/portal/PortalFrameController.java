package nl.wijkopmaat.common.portal;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What every page shares: the language switch, the theme's tokens and the statements linked from
 * the footer.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class PortalFrameController {

    private static final String DEFAULT_THEME = "portal-theme/theme.css";

    private final Layouts layouts;
    private final byte[] theme;

    PortalFrameController(Layouts layouts, @Value("${wijkopmaat.portal.theme-file:}") @Nullable String themeFile) {
        this.layouts = layouts;
        this.theme = readTheme(themeFile);
    }

    /** A municipality's own tokens file, or the neutral theme; read once, at start-up. */
    private static byte[] readTheme(@Nullable String themeFile) {
        try {
            if (themeFile != null && !themeFile.isBlank()) {
                return Files.readAllBytes(Path.of(themeFile));
            }
            try (InputStream in = PortalFrameController.class.getClassLoader().getResourceAsStream(DEFAULT_THEME)) {
                if (in == null) {
                    throw new IllegalStateException("the portal's theme " + DEFAULT_THEME + " is missing from the classpath");
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the portal theme file " + themeFile, e);
        }
    }

    @Get(value = "/thema.css", produces = "text/css")
    byte[] theme() {
        return theme;
    }

    /** Remembers the language for a year and goes back to the page the switch was on. */
    @Get("/taal")
    MutableHttpResponse<?> language(@QueryValue("lang") @Nullable String lang, @QueryValue("terug") @Nullable String back) {
        String chosen = "en".equals(lang) ? "en" : "nl";
        return Redirects.to(back == null ? "/" : back)
                .cookie(Cookie.of(Layouts.LANGUAGE_COOKIE, chosen).path("/").sameSite(SameSite.Lax).httpOnly(true)
                        .maxAge(Duration.ofDays(365)));
    }

    @Get("/toegankelijkheid")
    @Produces(io.micronaut.http.MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> accessibility(HttpRequest<?> request) {
        return statement(request, "accessibility");
    }

    @Get("/privacy")
    @Produces(io.micronaut.http.MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> privacy(HttpRequest<?> request) {
        return statement(request, "privacy");
    }

    private ModelAndView<Map<String, Object>> statement(HttpRequest<?> request, String name) {
        Layout layout = layouts.of(request, "portal.statement." + name + ".title");
        return new ModelAndView<>("common/portal/statement", Map.of("page", new StatementPage(layout, name)));
    }

    /** A statement whose texts are message codes {@code portal.statement.<name>.*}, replaceable per municipality. */
    public record StatementPage(Layout layout, String name) {
    }
}
