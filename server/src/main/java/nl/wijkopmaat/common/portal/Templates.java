package nl.wijkopmaat.common.portal;

import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * The portal's templates, compiled by the build into the features' own packages
 * ({@code src/main/jte/initiative/page.jte} becomes a class in {@code nl.wijkopmaat.initiative}), so
 * that a page's model can stay package-private to its feature.
 */
@Singleton
public class Templates {

    /** The package the jte-maven-plugin compiles the templates into (server/pom.xml). */
    static final String PACKAGE = "nl.wijkopmaat";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Templates.class.getClassLoader(), PACKAGE);

    public void render(String template, Map<String, Object> params, TemplateOutput output) {
        engine.render(fileName(template), params, output);
    }

    /** A template as a piece of another page, e.g. a feature's section of the wijk page. */
    public Content content(String template, Map<String, Object> params) {
        return output -> render(template, params, output);
    }

    public boolean exists(String template) {
        return engine.hasTemplate(fileName(template));
    }

    private static String fileName(String template) {
        return template.endsWith(".jte") ? template : template + ".jte";
    }
}
