-- Foundation schema: geography, accounts, roles, sign-in and request idempotency.
-- Public ids are UUIDs stored as CHAR(36); times are UTC DATETIME(6).
-- Written for both MySQL 8.4 and MariaDB 10.11+.

CREATE TABLE municipality (
    id          CHAR(36)     NOT NULL,
    name        VARCHAR(100) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_municipality_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE wijk (
    id               CHAR(36)     NOT NULL,
    municipality_id  CHAR(36)     NOT NULL,
    name             VARCHAR(100) NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_wijk_municipality_name (municipality_id, name),
    CONSTRAINT fk_wijk_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE buurt (
    id          CHAR(36)     NOT NULL,
    wijk_id     CHAR(36)     NOT NULL,
    name        VARCHAR(100) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_buurt_wijk_name (wijk_id, name),
    CONSTRAINT fk_buurt_wijk FOREIGN KEY (wijk_id) REFERENCES wijk (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE wijkplatform (
    id          CHAR(36)     NOT NULL,
    wijk_id     CHAR(36)     NOT NULL,
    name        VARCHAR(150) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_wijkplatform_wijk (wijk_id),
    CONSTRAINT fk_wijkplatform_wijk FOREIGN KEY (wijk_id) REFERENCES wijk (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- email is stored lower-cased so the unique key is case-insensitive; erasure sets it to NULL.
CREATE TABLE account (
    id               CHAR(36)     NOT NULL,
    email            VARCHAR(254) NULL,
    password_hash    VARCHAR(100) NULL,
    display_name     VARCHAR(80)  NULL,
    municipality_id  CHAR(36)     NOT NULL,
    buurt_id         CHAR(36)     NULL,
    locale           VARCHAR(2)   NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    erased_at        DATETIME(6)  NULL,
    version          BIGINT       NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_account_email (email),
    KEY ix_account_municipality (municipality_id),
    KEY ix_account_buurt (buurt_id),
    CONSTRAINT fk_account_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id),
    CONSTRAINT fk_account_buurt FOREIGN KEY (buurt_id) REFERENCES buurt (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Current role assignments. scope_id is a wijkplatform id for CHAIR/SECRETARY and a
-- municipality id for OFFICIAL/ADMIN. RESIDENT is implied by an active account.
CREATE TABLE role_assignment (
    id           CHAR(36)    NOT NULL,
    account_id   CHAR(36)    NOT NULL,
    role         VARCHAR(16) NOT NULL,
    scope_id     CHAR(36)    NOT NULL,
    assigned_by  CHAR(36)    NULL,
    assigned_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_role_assignment (account_id, role, scope_id),
    KEY ix_role_assignment_scope (scope_id, role),
    KEY ix_role_assignment_staff (scope_id, assigned_at, id),
    CONSTRAINT fk_role_assignment_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Audit trail of every grant and revocation; rows are only ever appended.
CREATE TABLE role_change (
    id          CHAR(36)    NOT NULL,
    account_id  CHAR(36)    NOT NULL,
    role        VARCHAR(16) NOT NULL,
    scope_id    CHAR(36)    NOT NULL,
    action      VARCHAR(8)  NOT NULL,
    actor_id    CHAR(36)    NULL,
    changed_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_role_change_scope (scope_id, changed_at),
    KEY ix_role_change_account (account_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Refresh tokens are stored as SHA-256 hashes; a family is one sign-in and its rotations.
CREATE TABLE refresh_token (
    id          CHAR(36)    NOT NULL,
    account_id  CHAR(36)    NOT NULL,
    family_id   CHAR(36)    NOT NULL,
    token_hash  CHAR(64)    NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    rotated_at  DATETIME(6) NULL,
    revoked_at  DATETIME(6) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_refresh_token_hash (token_hash),
    KEY ix_refresh_token_family (family_id),
    KEY ix_refresh_token_account (account_id),
    CONSTRAINT fk_refresh_token_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Failed sign-ins per e-mail address (kept as a SHA-256 hash, not the address itself).
CREATE TABLE login_throttle (
    email_hash     CHAR(64)    NOT NULL,
    failures       INT         NOT NULL,
    window_start   DATETIME(6) NOT NULL,
    locked_until   DATETIME(6) NULL,
    PRIMARY KEY (email_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE idempotency_record (
    id               CHAR(36)     NOT NULL,
    principal        VARCHAR(64)  NOT NULL,
    idempotency_key  VARCHAR(100) NOT NULL,
    request_hash     CHAR(64)     NOT NULL,
    status_code      INT          NULL,
    response_body    MEDIUMTEXT   NULL,
    location         VARCHAR(500) NULL,
    created_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_idempotency_key (principal, idempotency_key),
    KEY ix_idempotency_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
