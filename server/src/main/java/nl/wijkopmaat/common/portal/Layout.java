package nl.wijkopmaat.common.portal;

/**
 * What every page's frame needs: its title, the reader's language and texts, whether someone is
 * signed in (and holds a role, so has workspaces), the form token against cross-site requests, and
 * the path for the language switch.
 */
public record Layout(String title, Texts texts, boolean signedIn, boolean staff, String csrfToken, String path) {

    public String lang() {
        return texts.lang();
    }

    public String t(String code) {
        return texts.t(code);
    }

    public String t(String code, Object... namesAndValues) {
        return texts.t(code, namesAndValues);
    }

    /** The language the switch offers: the other one. */
    public String otherLang() {
        return "nl".equals(lang()) ? "en" : "nl";
    }

    public Layout titled(String newTitle) {
        return new Layout(newTitle, texts, signedIn, staff, csrfToken, path);
    }
}
