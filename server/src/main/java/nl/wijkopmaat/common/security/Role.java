package nl.wijkopmaat.common.security;

/**
 * Roles beyond RESIDENT, which every active account has. Each role is held within one scope.
 */
public enum Role {
    CHAIR(ScopeType.WIJKPLATFORM),
    SECRETARY(ScopeType.WIJKPLATFORM),
    OFFICIAL(ScopeType.MUNICIPALITY),
    ADMIN(ScopeType.MUNICIPALITY);

    private final ScopeType scopeType;

    Role(ScopeType scopeType) {
        this.scopeType = scopeType;
    }

    public ScopeType scopeType() {
        return scopeType;
    }

    public enum ScopeType {
        WIJKPLATFORM, MUNICIPALITY
    }
}
