-- Bewonersinitiatieven: residents' plans, their lifecycle history, reviews, support and comments.
-- seq columns give the order of arrival: timestamps may carry whole seconds only (depending on
-- server and driver), so lists and keyset cursors never rely on them to break ties.

CREATE TABLE initiative (
    id                     CHAR(36)      NOT NULL,
    seq                    BIGINT        NOT NULL AUTO_INCREMENT,
    municipality_id        CHAR(36)      NOT NULL,
    wijk_id                CHAR(36)      NOT NULL,
    buurt_id               CHAR(36)      NULL,
    author_id              CHAR(36)      NULL,
    title                  VARCHAR(120)  NOT NULL,
    description            TEXT          NOT NULL,
    theme                  VARCHAR(20)   NOT NULL,
    location_text          VARCHAR(200)  NULL,
    latitude               DECIMAL(9, 6) NULL,
    longitude              DECIMAL(9, 6) NULL,
    requested_budget_cents BIGINT        NOT NULL,
    status                 VARCHAR(20)   NOT NULL,
    owner_id               CHAR(36)      NULL,
    answer_due_date        DATE          NULL,
    result_report          VARCHAR(2000) NULL,
    support_count          INT           NOT NULL DEFAULT 0,
    created_at             DATETIME(6)   NOT NULL,
    updated_at             DATETIME(6)   NOT NULL,
    submitted_at           DATETIME(6)   NULL,
    version                BIGINT        NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_initiative_seq (seq),
    KEY ix_initiative_support (support_count, id),
    KEY ix_initiative_wijk_support (wijk_id, support_count, id),
    KEY ix_initiative_buurt_support (buurt_id, support_count, id),
    KEY ix_initiative_wijk (wijk_id, seq),
    KEY ix_initiative_buurt (buurt_id, seq),
    KEY ix_initiative_status (status, seq),
    KEY ix_initiative_theme (theme, seq),
    KEY ix_initiative_author (author_id, seq),
    KEY ix_initiative_owner (owner_id),
    KEY ix_initiative_overdue (municipality_id, status, answer_due_date),
    CONSTRAINT fk_initiative_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id),
    CONSTRAINT fk_initiative_wijk FOREIGN KEY (wijk_id) REFERENCES wijk (id),
    CONSTRAINT fk_initiative_buurt FOREIGN KEY (buurt_id) REFERENCES buurt (id),
    CONSTRAINT fk_initiative_author FOREIGN KEY (author_id) REFERENCES account (id),
    CONSTRAINT fk_initiative_owner FOREIGN KEY (owner_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every transition, with who, when and why. Rows are only ever appended.
CREATE TABLE initiative_status_change (
    id             CHAR(36)      NOT NULL,
    seq            BIGINT        NOT NULL AUTO_INCREMENT,
    initiative_id  CHAR(36)      NOT NULL,
    action         VARCHAR(20)   NOT NULL,
    from_status    VARCHAR(20)   NOT NULL,
    to_status      VARCHAR(20)   NOT NULL,
    actor_id       CHAR(36)      NULL,
    reason         VARCHAR(2000) NULL,
    changed_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_initiative_status_change_seq (seq),
    KEY ix_status_change_initiative (initiative_id, seq),
    KEY ix_status_change_actor (actor_id),
    CONSTRAINT fk_status_change_initiative FOREIGN KEY (initiative_id) REFERENCES initiative (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE initiative_review (
    id             CHAR(36)      NOT NULL,
    seq            BIGINT        NOT NULL AUTO_INCREMENT,
    initiative_id  CHAR(36)      NOT NULL,
    reviewer_id    CHAR(36)      NULL,
    decision       VARCHAR(20)   NOT NULL,
    reason         VARCHAR(2000) NULL,
    reviewed_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_initiative_review_seq (seq),
    KEY ix_review_initiative (initiative_id, seq),
    KEY ix_review_reviewer (reviewer_id),
    CONSTRAINT fk_review_initiative FOREIGN KEY (initiative_id) REFERENCES initiative (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Draagvlak: one support per resident per initiative (the primary key makes that hold under races).
CREATE TABLE initiative_support (
    initiative_id  CHAR(36)    NOT NULL,
    account_id     CHAR(36)    NOT NULL,
    supported_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (initiative_id, account_id),
    KEY ix_support_account (account_id, supported_at),
    CONSTRAINT fk_support_initiative FOREIGN KEY (initiative_id) REFERENCES initiative (id),
    CONSTRAINT fk_support_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE initiative_comment (
    id             CHAR(36)      NOT NULL,
    seq            BIGINT        NOT NULL AUTO_INCREMENT,
    initiative_id  CHAR(36)      NOT NULL,
    author_id      CHAR(36)      NULL,
    body           VARCHAR(2000) NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    hidden_at      DATETIME(6)   NULL,
    hidden_by      CHAR(36)      NULL,
    hidden_reason  VARCHAR(500)  NULL,
    deleted_at     DATETIME(6)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_initiative_comment_seq (seq),
    KEY ix_comment_initiative (initiative_id, seq),
    KEY ix_comment_author (author_id),
    CONSTRAINT fk_comment_initiative FOREIGN KEY (initiative_id) REFERENCES initiative (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
