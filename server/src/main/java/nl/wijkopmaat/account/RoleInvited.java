package nl.wijkopmaat.account;

import nl.wijkopmaat.common.security.Role;

/** An address was invited to a role; its mail goes out once the invitation is committed. */
record RoleInvited(String email, Role role) {
}
