package nl.wijkopmaat.account;

/** What assigning a staff role did: the role was given, or an invitation went out. */
sealed interface StaffAssignment {

    record Assigned(AssignedRole role) implements StaffAssignment {
    }

    record Invited(Invitation invitation) implements StaffAssignment {
    }
}
