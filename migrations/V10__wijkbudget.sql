-- Wijkbudget: the yearly money of a wijkplatform as an append-only ledger.
-- budget holds the running totals of one platform's year; every change locks its row first, so
-- changes to one budget are applied one after the other, also across server instances. Each change
-- appends budget_entry rows carrying the year's available amount after it. Amounts are euro cents.

-- Per municipality: from which amount a grant needs a second board member, and what happens at
-- year end with what is left (CARRY_OVER into the next year, or RETURN to the municipality).
CREATE TABLE budget_settings (
    municipality_id       CHAR(36)    NOT NULL,
    grant_threshold_cents BIGINT      NOT NULL,
    year_end_policy       VARCHAR(20) NOT NULL,
    updated_at            DATETIME(6) NOT NULL,
    PRIMARY KEY (municipality_id),
    CONSTRAINT fk_budget_settings_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id),
    CONSTRAINT ck_budget_settings_threshold CHECK (grant_threshold_cents > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- available = allocated + contributed + carried_in - reserved - committed + released
--             - carried_out - returned, and never below zero.
CREATE TABLE budget (
    id                CHAR(36)    NOT NULL,
    wijkplatform_id   CHAR(36)    NOT NULL,
    municipality_id   CHAR(36)    NOT NULL,
    budget_year       INT         NOT NULL,
    allocated_cents   BIGINT      NOT NULL DEFAULT 0,
    contributed_cents BIGINT      NOT NULL DEFAULT 0,
    carried_in_cents  BIGINT      NOT NULL DEFAULT 0,
    reserved_cents    BIGINT      NOT NULL DEFAULT 0,
    committed_cents   BIGINT      NOT NULL DEFAULT 0,
    paid_cents        BIGINT      NOT NULL DEFAULT 0,
    released_cents    BIGINT      NOT NULL DEFAULT 0,
    carried_out_cents BIGINT      NOT NULL DEFAULT 0,
    returned_cents    BIGINT      NOT NULL DEFAULT 0,
    available_cents   BIGINT      NOT NULL DEFAULT 0,
    closed_at         DATETIME(6) NULL,
    created_at        DATETIME(6) NOT NULL,
    updated_at        DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_budget_platform_year (wijkplatform_id, budget_year),
    CONSTRAINT fk_budget_wijkplatform FOREIGN KEY (wijkplatform_id) REFERENCES wijkplatform (id),
    CONSTRAINT fk_budget_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id),
    CONSTRAINT ck_budget_available CHECK (available_cents >= 0
        AND available_cents = allocated_cents + contributed_cents + carried_in_cents - reserved_cents
            - committed_cents + released_cents - carried_out_cents - returned_cents)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Toekenningen. PENDING reserves the money until a second board member confirms (COMMITTED) or
-- either cancels it (CANCELLED). The initiative's title is kept as granted: it cannot change after
-- approval. People are detached (NULL) when their account is erased.
CREATE TABLE budget_grant (
    id               CHAR(36)      NOT NULL,
    seq              BIGINT        NOT NULL AUTO_INCREMENT,
    budget_id        CHAR(36)      NOT NULL,
    initiative_id    CHAR(36)      NOT NULL,
    initiative_title VARCHAR(120)  NOT NULL,
    amount_cents     BIGINT        NOT NULL,
    paid_cents       BIGINT        NOT NULL DEFAULT 0,
    released_cents   BIGINT        NOT NULL DEFAULT 0,
    status           VARCHAR(20)   NOT NULL,
    note             VARCHAR(2000) NULL,
    proposed_as      VARCHAR(20)   NOT NULL,
    proposed_by      CHAR(36)      NULL,
    decided_by       CHAR(36)      NULL,
    created_at       DATETIME(6)   NOT NULL,
    decided_at       DATETIME(6)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_budget_grant_seq (seq),
    KEY ix_budget_grant_budget (budget_id, seq),
    KEY ix_budget_grant_proposer (proposed_by),
    KEY ix_budget_grant_decider (decided_by),
    CONSTRAINT fk_budget_grant_budget FOREIGN KEY (budget_id) REFERENCES budget (id),
    CONSTRAINT fk_budget_grant_initiative FOREIGN KEY (initiative_id) REFERENCES initiative (id),
    CONSTRAINT ck_budget_grant_spent CHECK (amount_cents > 0 AND paid_cents >= 0 AND released_cents >= 0
        AND paid_cents + released_cents <= amount_cents)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The ledger. Rows are only ever inserted: the triggers below refuse every UPDATE and DELETE, and a
-- mistake is corrected by a new entry. amount_cents is the entry's amount (negative only for an
-- ALLOCATION that lowers the municipal amount); available_cents is the year's available after it.
CREATE TABLE budget_entry (
    id              CHAR(36)      NOT NULL,
    seq             BIGINT        NOT NULL AUTO_INCREMENT,
    budget_id       CHAR(36)      NOT NULL,
    entry_type      VARCHAR(20)   NOT NULL,
    amount_cents    BIGINT        NOT NULL,
    available_cents BIGINT        NOT NULL,
    grant_id        CHAR(36)      NULL,
    initiative_id   CHAR(36)      NULL,
    partner_name    VARCHAR(200)  NULL,
    paid_on         DATE          NULL,
    reference       VARCHAR(100)  NULL,
    reason          VARCHAR(2000) NULL,
    created_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_budget_entry_seq (seq),
    KEY ix_budget_entry_budget (budget_id, seq),
    KEY ix_budget_entry_budget_type (budget_id, entry_type, seq),
    KEY ix_budget_entry_grant_type (grant_id, entry_type, seq),
    CONSTRAINT fk_budget_entry_budget FOREIGN KEY (budget_id) REFERENCES budget (id),
    CONSTRAINT fk_budget_entry_grant FOREIGN KEY (grant_id) REFERENCES budget_grant (id),
    CONSTRAINT ck_budget_entry_available CHECK (available_cents >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who made an entry: personal data, kept apart from the unchangeable entry so that erasing an
-- account detaches the person (the row goes) while the entry stays.
CREATE TABLE budget_entry_actor (
    entry_id CHAR(36) NOT NULL,
    actor_id CHAR(36) NOT NULL,
    PRIMARY KEY (entry_id),
    KEY ix_budget_entry_actor (actor_id),
    CONSTRAINT fk_budget_entry_actor_entry FOREIGN KEY (entry_id) REFERENCES budget_entry (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One statement each, so no DELIMITER is needed. Creating a trigger on MySQL with binary logging on
-- needs log_bin_trust_function_creators=1 for a user without SUPER (see the README).
CREATE TRIGGER tr_budget_entry_no_update BEFORE UPDATE ON budget_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'budget_entry is append-only: correct an entry with a new entry';

CREATE TRIGGER tr_budget_entry_no_delete BEFORE DELETE ON budget_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'budget_entry is append-only: entries are never deleted';
