package nl.wijkopmaat.account;

import nl.wijkopmaat.common.security.Role;

/** A holder of a role as anyone may see them: the role and the person's display name, nothing more. */
public record PublicHolder(Role role, String displayName) {
}
