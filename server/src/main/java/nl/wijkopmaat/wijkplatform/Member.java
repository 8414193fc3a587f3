package nl.wijkopmaat.wijkplatform;

import io.micronaut.serde.annotation.Serdeable;
import nl.wijkopmaat.account.AssignedRole;
import nl.wijkopmaat.account.Invitation;
import nl.wijkopmaat.common.security.Role;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Serdeable
record Member(UUID accountId, String displayName, String email, Role role, Instant assignedAt) {

    static Member of(AssignedRole assigned) {
        return new Member(assigned.accountId(), assigned.displayName(), assigned.email(), assigned.role(), assigned.assignedAt());
    }

    @Serdeable
    record MemberList(List<Member> items, List<Invitation> invitations) {
    }
}
