package nl.wijkopmaat.common.security;

import io.micronaut.security.authentication.Authentication;

import java.util.UUID;

/**
 * The signed-in account behind a request. The JWT subject is the account id; roles are never
 * read from the token but from the current role assignments.
 */
public final class Callers {

    private Callers() {
    }

    public static UUID accountId(Authentication authentication) {
        return UUID.fromString(authentication.getName());
    }
}
