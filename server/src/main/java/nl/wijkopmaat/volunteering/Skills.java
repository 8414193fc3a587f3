package nl.wijkopmaat.volunteering;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Skills are free tags, kept in lower case without surrounding spaces, each once. */
final class Skills {

    /** Letters, digits, spaces and hyphens, 1 to 40 characters. */
    static final String PATTERN = "^[\\p{L}\\p{N}][\\p{L}\\p{N} \\-]{0,39}$";

    private Skills() {
    }

    static List<String> normalised(Collection<String> skills) {
        TreeSet<String> tags = new TreeSet<>();
        skills.forEach(skill -> tags.add(skill.strip().toLowerCase(Locale.ROOT)));
        return List.copyOf(tags);
    }
}
