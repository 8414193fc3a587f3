-- Right to Challenge (uitdaagrecht): a group of residents proposes to take over a municipal task.
-- The proposal's row holds its content and status and is locked for every step, so the lifecycle
-- moves one step at a time. Each step of the municipality and the platform (eligibility, advice,
-- assessment with its scores, agreement with its reporting moments, evaluation) has its own table
-- of at most one row per proposal; everything but a draft is public.

CREATE TABLE challenge (
    id                    CHAR(36)      NOT NULL,
    seq                   BIGINT        NOT NULL AUTO_INCREMENT,
    municipality_id       CHAR(36)      NOT NULL,
    wijk_id               CHAR(36)      NOT NULL,
    buurt_id              CHAR(36)      NULL,
    title                 VARCHAR(120)  NOT NULL,
    task                  VARCHAR(1000) NOT NULL,
    group_name            VARCHAR(120)  NOT NULL,
    legal_form            VARCHAR(30)   NULL,
    contact_id            CHAR(36)      NULL,
    plan                  TEXT          NOT NULL,
    requested_cents_year  BIGINT        NOT NULL,
    social_value          VARCHAR(5000) NOT NULL,
    support_description   VARCHAR(5000) NOT NULL,
    supporter_count       INT           NOT NULL,
    member_count          INT           NOT NULL DEFAULT 0,
    status                VARCHAR(20)   NOT NULL,
    intake_at             DATETIME(6)   NULL,
    submitted_at          DATETIME(6)   NULL,
    advice_due_at         DATETIME(6)   NULL,
    created_at            DATETIME(6)   NOT NULL,
    updated_at            DATETIME(6)   NOT NULL,
    version               BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_challenge_seq (seq),
    KEY ix_challenge_status (status, seq),
    KEY ix_challenge_municipality_all (municipality_id, seq),
    KEY ix_challenge_municipality (municipality_id, status, seq),
    KEY ix_challenge_wijk (wijk_id, status, seq),
    KEY ix_challenge_wijk_all (wijk_id, seq),
    KEY ix_challenge_contact (contact_id),
    CONSTRAINT fk_challenge_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id),
    CONSTRAINT fk_challenge_wijk FOREIGN KEY (wijk_id) REFERENCES wijk (id),
    CONSTRAINT fk_challenge_buurt FOREIGN KEY (buurt_id) REFERENCES buurt (id),
    CONSTRAINT fk_challenge_contact FOREIGN KEY (contact_id) REFERENCES account (id),
    CONSTRAINT ck_challenge_amounts CHECK (requested_cents_year >= 0 AND supporter_count >= 0 AND member_count >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The initiating group (the proposal counts its members in member_count). The proposal's seq is repeated so that "my proposals" is a range of
-- (account, challenge_seq).
CREATE TABLE challenge_member (
    challenge_id  CHAR(36)    NOT NULL,
    account_id    CHAR(36)    NOT NULL,
    seq           BIGINT      NOT NULL AUTO_INCREMENT,
    challenge_seq BIGINT      NOT NULL,
    joined_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (challenge_id, account_id),
    UNIQUE KEY uk_challenge_member_seq (seq),
    KEY ix_challenge_member_account (account_id, challenge_seq),
    KEY ix_challenge_member_joined (challenge_id, seq),
    CONSTRAINT fk_challenge_member_challenge FOREIGN KEY (challenge_id) REFERENCES challenge (id),
    CONSTRAINT fk_challenge_member_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every step of the lifecycle: who (NULL for the system, or once the person is erased), when,
-- from, to and why. A system step explains itself with reason_code, rendered in the reader's
-- language.
CREATE TABLE challenge_status_change (
    id           CHAR(36)      NOT NULL,
    seq          BIGINT        NOT NULL AUTO_INCREMENT,
    challenge_id CHAR(36)      NOT NULL,
    action       VARCHAR(30)   NOT NULL,
    from_status  VARCHAR(20)   NOT NULL,
    to_status    VARCHAR(20)   NOT NULL,
    actor_id     CHAR(36)      NULL,
    reason       VARCHAR(2000) NULL,
    reason_code  VARCHAR(100)  NULL,
    changed_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_challenge_status_change_seq (seq),
    KEY ix_challenge_status_change (challenge_id, seq),
    KEY ix_challenge_status_change_actor (actor_id),
    CONSTRAINT fk_challenge_status_change_challenge FOREIGN KEY (challenge_id) REFERENCES challenge (id),
    CONSTRAINT fk_challenge_status_change_actor FOREIGN KEY (actor_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE challenge_eligibility (
    challenge_id       CHAR(36)      NOT NULL,
    eligible           TINYINT(1)    NOT NULL,
    reason             VARCHAR(2000) NOT NULL,
    current_cents_year BIGINT        NULL,
    decided_by         CHAR(36)      NULL,
    decided_at         DATETIME(6)   NOT NULL,
    PRIMARY KEY (challenge_id),
    KEY ix_challenge_eligibility_by (decided_by),
    CONSTRAINT fk_challenge_eligibility_challenge FOREIGN KEY (challenge_id) REFERENCES challenge (id),
    CONSTRAINT fk_challenge_eligibility_by FOREIGN KEY (decided_by) REFERENCES account (id),
    CONSTRAINT ck_challenge_eligibility_cost CHECK (current_cents_year IS NULL OR current_cents_year >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The platform's advice; a row with position NONE records that the assessment started without
-- advice after the advice period.
CREATE TABLE challenge_advice (
    challenge_id CHAR(36)      NOT NULL,
    position     VARCHAR(10)   NOT NULL,
    motivation   VARCHAR(5000) NULL,
    advised_by   CHAR(36)      NULL,
    advised_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (challenge_id),
    KEY ix_challenge_advice_by (advised_by),
    CONSTRAINT fk_challenge_advice_challenge FOREIGN KEY (challenge_id) REFERENCES challenge (id),
    CONSTRAINT fk_challenge_advice_by FOREIGN KEY (advised_by) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE challenge_assessment (
    challenge_id        CHAR(36)      NOT NULL,
    decision            VARCHAR(20)   NOT NULL,
    deciding_body       VARCHAR(200)  NOT NULL,
    decision_date       DATE          NOT NULL,
    decision_motivation VARCHAR(5000) NULL,
    assessed_by         CHAR(36)      NULL,
    assessed_at         DATETIME(6)   NOT NULL,
    PRIMARY KEY (challenge_id),
    KEY ix_challenge_assessment_by (assessed_by),
    CONSTRAINT fk_challenge_assessment_challenge FOREIGN KEY (challenge_id) REFERENCES challenge (id),
    CONSTRAINT fk_challenge_assessment_by FOREIGN KEY (assessed_by) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE challenge_score (
    challenge_id CHAR(36)      NOT NULL,
    criterion    VARCHAR(20)   NOT NULL,
    score        TINYINT       NOT NULL,
    motivation   VARCHAR(2000) NOT NULL,
    PRIMARY KEY (challenge_id, criterion),
    CONSTRAINT fk_challenge_score_assessment FOREIGN KEY (challenge_id) REFERENCES challenge_assessment (challenge_id),
    CONSTRAINT ck_challenge_score CHECK (score BETWEEN 1 AND 5)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE challenge_agreement (
    challenge_id     CHAR(36)      NOT NULL,
    task_description VARCHAR(5000) NOT NULL,
    cents_year       BIGINT        NOT NULL,
    start_date       DATE          NOT NULL,
    end_date         DATE          NOT NULL,
    contact_persons  JSON          NOT NULL,
    agreed_by        CHAR(36)      NULL,
    agreed_at        DATETIME(6)   NOT NULL,
    PRIMARY KEY (challenge_id),
    KEY ix_challenge_agreement_start (start_date),
    KEY ix_challenge_agreement_by (agreed_by),
    CONSTRAINT fk_challenge_agreement_challenge FOREIGN KEY (challenge_id) REFERENCES challenge (id),
    CONSTRAINT fk_challenge_agreement_by FOREIGN KEY (agreed_by) REFERENCES account (id),
    CONSTRAINT ck_challenge_agreement CHECK (cents_year >= 0 AND end_date > start_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE challenge_reporting_moment (
    challenge_id CHAR(36) NOT NULL,
    due_date     DATE     NOT NULL,
    PRIMARY KEY (challenge_id, due_date),
    KEY ix_challenge_reporting_moment_due (due_date),
    CONSTRAINT fk_challenge_reporting_moment FOREIGN KEY (challenge_id) REFERENCES challenge_agreement (challenge_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One report per reporting moment; the author is detached (NULL) when their account is erased.
CREATE TABLE challenge_progress_report (
    id           CHAR(36)      NOT NULL,
    seq          BIGINT        NOT NULL AUTO_INCREMENT,
    challenge_id CHAR(36)      NOT NULL,
    moment       DATE          NOT NULL,
    body         VARCHAR(10000) NOT NULL,
    spent_cents  BIGINT        NOT NULL,
    author_id    CHAR(36)      NULL,
    created_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_challenge_progress_report_seq (seq),
    UNIQUE KEY uk_challenge_progress_report_moment (challenge_id, moment),
    KEY ix_challenge_progress_report (challenge_id, seq),
    KEY ix_challenge_progress_report_author (author_id),
    CONSTRAINT fk_challenge_progress_report_challenge FOREIGN KEY (challenge_id) REFERENCES challenge (id),
    CONSTRAINT fk_challenge_progress_report_author FOREIGN KEY (author_id) REFERENCES account (id),
    CONSTRAINT ck_challenge_progress_report_spent CHECK (spent_cents >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE challenge_evaluation (
    challenge_id CHAR(36)      NOT NULL,
    outcome      VARCHAR(10)   NOT NULL,
    summary      VARCHAR(5000) NOT NULL,
    evaluated_by CHAR(36)      NULL,
    evaluated_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (challenge_id),
    KEY ix_challenge_evaluation_by (evaluated_by),
    CONSTRAINT fk_challenge_evaluation_challenge FOREIGN KEY (challenge_id) REFERENCES challenge (id),
    CONSTRAINT fk_challenge_evaluation_by FOREIGN KEY (evaluated_by) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
