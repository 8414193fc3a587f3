package nl.wijkopmaat.common.portal;

import java.text.Normalizer;
import java.util.Locale;

/** Readable URL parts from names: "Oud-Zuid & Hoogkamp" becomes "oud-zuid-hoogkamp". */
public final class Slugs {

    private Slugs() {
    }

    public static String of(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "-" : slug;
    }
}
