-- Accounts a municipality can trust: verified email addresses, mailed single-use tokens, role
-- invitations to addresses without a verified account, and a bounded number of devices.
-- Written for both MySQL 8.4 and MariaDB 10.11+.

-- NULL until the person proved they own the address. Accounts from before verification existed
-- keep working: they count as verified from their creation.
ALTER TABLE account ADD COLUMN verified_at DATETIME(6) NULL;
UPDATE account SET verified_at = created_at WHERE status = 'ACTIVE';
-- Access tokens carry the session epoch of their account; signing out everywhere (and a password
-- change or reset) raises it, so that every access token issued before stops working at once.
ALTER TABLE account ADD COLUMN session_epoch INT NOT NULL DEFAULT 0;
-- Unverified accounts are removed after a while; this finds them without reading every account.
CREATE INDEX ix_account_unverified ON account (verified_at, created_at);

-- Mailed tokens (address verification, password reset), stored as SHA-256 hashes; used once.
CREATE TABLE account_token (
    token_hash  CHAR(64)    NOT NULL,
    account_id  CHAR(36)    NOT NULL,
    purpose     VARCHAR(16) NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    used_at     DATETIME(6) NULL,
    PRIMARY KEY (token_hash),
    KEY ix_account_token_account (account_id, purpose),
    KEY ix_account_token_expires (expires_at),
    CONSTRAINT fk_account_token_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A role waiting for an address to be verified; granted then, in the inviter's name.
CREATE TABLE role_invitation (
    id          CHAR(36)     NOT NULL,
    email       VARCHAR(254) NOT NULL,
    role        VARCHAR(16)  NOT NULL,
    scope_id    CHAR(36)     NOT NULL,
    invited_by  CHAR(36)     NULL,
    invited_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_role_invitation (email, role, scope_id),
    KEY ix_role_invitation_scope (scope_id, role),
    KEY ix_role_invitation_inviter (invited_by)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The oldest devices of an account are dropped beyond its limit.
CREATE INDEX ix_device_account_created ON device (account_id, created_at);
