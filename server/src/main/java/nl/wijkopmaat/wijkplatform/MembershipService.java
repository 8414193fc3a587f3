package nl.wijkopmaat.wijkplatform;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import nl.wijkopmaat.account.AccountRef;
import nl.wijkopmaat.account.AccountService;
import nl.wijkopmaat.account.RoleAssignmentService;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.error.InvalidParam;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.WijkplatformView;
import nl.wijkopmaat.wijkplatform.Member.MemberList;
import nl.wijkopmaat.wijkplatform.MembershipCommands.MemberAssignment;
import nl.wijkopmaat.wijkplatform.MembershipCommands.MembersUpdate;
import nl.wijkopmaat.wijkplatform.MembershipCommands.WijkplatformUpdate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The chair (voorzitter) and secretary (secretaris) of a wijkplatform, set by the municipality's
 * admins. A wijkplatform has at most one of each. An address without a verified account gets an
 * invitation instead, listed with the members until it is verified.
 */
@Singleton
class MembershipService {

    private static final Set<Role> PLATFORM_ROLES = EnumSet.of(Role.CHAIR, Role.SECRETARY);

    private final GeographyService geography;
    private final RoleAssignmentService roles;
    private final AccountService accounts;

    MembershipService(GeographyService geography, RoleAssignmentService roles, AccountService accounts) {
        this.geography = geography;
        this.roles = roles;
        this.accounts = accounts;
    }

    /**
     * The platform as anyone may see it: its contact address and its board by name, the board read
     * in one statement. Never the board members' own addresses.
     */
    @Transactional
    Board board(UUID wijkplatformId) {
        return Board.of(geography.getWijkplatform(wijkplatformId), roles.publicHolders(wijkplatformId, PLATFORM_ROLES));
    }

    /** An admin of the municipality sets or removes the platform's contact address. */
    @Transactional
    Board changeContact(UUID actor, UUID wijkplatformId, WijkplatformUpdate update) {
        WijkplatformView platform = geography.changeContactEmail(actor, wijkplatformId, update.contactEmail());
        return Board.of(platform, roles.publicHolders(wijkplatformId, PLATFORM_ROLES));
    }

    /** Admins of the municipality and the platform's own chair and secretary may read the members. */
    @Transactional
    MemberList members(UUID actor, UUID wijkplatformId) {
        WijkplatformView platform = geography.getWijkplatform(wijkplatformId);
        boolean allowed = roles.has(actor, Role.ADMIN, platform.municipalityId())
                || PLATFORM_ROLES.stream().anyMatch(role -> roles.has(actor, role, wijkplatformId));
        if (!allowed) {
            throw ApiException.forbidden("problem.forbidden.role");
        }
        return list(wijkplatformId);
    }

    @Transactional
    MemberList replace(UUID actor, UUID wijkplatformId, MembersUpdate update) {
        WijkplatformView platform = geography.lockWijkplatform(wijkplatformId);
        roles.require(actor, Role.ADMIN, platform.municipalityId());
        Map<UUID, Role> wanted = new LinkedHashMap<>();
        Map<String, Role> invited = new LinkedHashMap<>();
        List<InvalidParam> invalid = new ArrayList<>();
        Set<Role> seen = EnumSet.noneOf(Role.class);
        for (int i = 0; i < update.members().size(); i++) {
            MemberAssignment assignment = update.members().get(i);
            String field = "members[" + i + "]";
            if (!PLATFORM_ROLES.contains(assignment.role())) {
                invalid.add(new InvalidParam(field + ".role", "validation.role.platform"));
            } else if (!seen.add(assignment.role())) {
                invalid.add(new InvalidParam(field + ".role", "validation.role.once"));
            }
            // An address without a verified account is invited; the role takes effect when it is verified.
            Optional<AccountRef> person = accounts.findVerifiedByEmail(assignment.email());
            String email = assignment.email().strip().toLowerCase(Locale.ROOT);
            if (person.isPresent() && !person.get().municipalityId().equals(platform.municipalityId())) {
                invalid.add(new InvalidParam(field + ".email", "validation.account.unknown"));
            } else if (person.isPresent() ? wanted.putIfAbsent(person.get().id(), assignment.role()) != null
                    : invited.putIfAbsent(email, assignment.role()) != null) {
                invalid.add(new InvalidParam(field + ".email", "validation.member.once"));
            }
        }
        if (!invalid.isEmpty()) {
            throw ApiException.invalid(invalid);
        }
        roles.replaceHolders(actor, wijkplatformId, PLATFORM_ROLES, wanted, invited);
        return list(wijkplatformId);
    }

    private MemberList list(UUID wijkplatformId) {
        return new MemberList(roles.holders(wijkplatformId, PLATFORM_ROLES).stream().map(Member::of).toList(),
                roles.invitations(wijkplatformId, PLATFORM_ROLES));
    }
}
