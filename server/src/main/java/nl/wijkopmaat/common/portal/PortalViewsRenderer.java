package nl.wijkopmaat.common.portal;

import gg.jte.output.WriterOutput;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.views.ViewUtils;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.jte.HtmlJteViewsRenderer;
import jakarta.inject.Singleton;

/** Micronaut Views' JTE renderer, on the {@link Templates} the build compiled into the features' packages. */
@Singleton
@Produces(MediaType.TEXT_HTML)
@Replaces(HtmlJteViewsRenderer.class)
class PortalViewsRenderer implements ViewsRenderer<Object, HttpRequest<?>> {

    private final Templates templates;

    PortalViewsRenderer(Templates templates) {
        this.templates = templates;
    }

    @Override
    @NonNull
    public Writable render(@NonNull String viewName, @Nullable Object data, @Nullable HttpRequest<?> request) {
        return out -> templates.render(viewName, ViewUtils.modelOf(data), new WriterOutput(out));
    }

    @Override
    public boolean exists(@NonNull String viewName) {
        return templates.exists(viewName);
    }
}
