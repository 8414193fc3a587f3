-- Volunteering for and by residents: opportunities with dated shifts, sign-ups and confirmed hours.
-- A shift's row counts its sign-ups (signed_up) and is locked for every sign-up, so its capacity is
-- never exceeded. A person's account row is locked before any of their sign-ups changes, so one
-- person's sign-ups are made one after the other: two of them can never overlap in time.

CREATE TABLE volunteer_opportunity (
    id               CHAR(36)      NOT NULL,
    seq              BIGINT        NOT NULL AUTO_INCREMENT,
    municipality_id  CHAR(36)      NOT NULL,
    wijk_id          CHAR(36)      NOT NULL,
    buurt_id         CHAR(36)      NULL,
    organiser_id     CHAR(36)      NULL,
    title            VARCHAR(120)  NOT NULL,
    description      VARCHAR(5000) NOT NULL,
    minimum_age_note VARCHAR(200)  NULL,
    status           VARCHAR(20)   NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_volunteer_opportunity_seq (seq),
    KEY ix_volunteer_opportunity_wijk (wijk_id, seq),
    KEY ix_volunteer_opportunity_match (municipality_id, status, seq),
    KEY ix_volunteer_opportunity_organiser (organiser_id),
    CONSTRAINT fk_volunteer_opportunity_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id),
    CONSTRAINT fk_volunteer_opportunity_wijk FOREIGN KEY (wijk_id) REFERENCES wijk (id),
    CONSTRAINT fk_volunteer_opportunity_buurt FOREIGN KEY (buurt_id) REFERENCES buurt (id),
    CONSTRAINT fk_volunteer_opportunity_organiser FOREIGN KEY (organiser_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Skills wanted, free tags kept in lower case; the opportunity's seq is repeated so that the list
-- filtered by a skill is a range of (skill, seq).
CREATE TABLE volunteer_opportunity_skill (
    opportunity_id  CHAR(36)    NOT NULL,
    skill           VARCHAR(40) NOT NULL,
    opportunity_seq BIGINT      NOT NULL,
    PRIMARY KEY (opportunity_id, skill),
    KEY ix_volunteer_opportunity_skill (skill, opportunity_seq),
    CONSTRAINT fk_volunteer_opportunity_skill FOREIGN KEY (opportunity_id) REFERENCES volunteer_opportunity (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE volunteer_coordinator (
    opportunity_id CHAR(36) NOT NULL,
    account_id     CHAR(36) NOT NULL,
    PRIMARY KEY (opportunity_id, account_id),
    KEY ix_volunteer_coordinator_account (account_id),
    CONSTRAINT fk_volunteer_coordinator_opportunity FOREIGN KEY (opportunity_id) REFERENCES volunteer_opportunity (id),
    CONSTRAINT fk_volunteer_coordinator_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE volunteer_shift (
    id             CHAR(36)     NOT NULL,
    opportunity_id CHAR(36)     NOT NULL,
    starts_at      DATETIME(6)  NOT NULL,
    ends_at        DATETIME(6)  NOT NULL,
    capacity       INT          NOT NULL,
    signed_up      INT          NOT NULL DEFAULT 0,
    place          VARCHAR(200) NULL,
    status         VARCHAR(20)  NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_volunteer_shift_opportunity (opportunity_id, starts_at, id),
    KEY ix_volunteer_shift_upcoming (status, starts_at),
    CONSTRAINT fk_volunteer_shift_opportunity FOREIGN KEY (opportunity_id) REFERENCES volunteer_opportunity (id),
    CONSTRAINT ck_volunteer_shift_seats CHECK (capacity BETWEEN 1 AND 200 AND signed_up >= 0 AND signed_up <= capacity),
    CONSTRAINT ck_volunteer_shift_times CHECK (ends_at > starts_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per person who holds a seat, until they leave before the start (the row goes). The
-- shift's times are repeated here (and changed with it) so that a person's overlapping shifts are a
-- range of (account, ends_at). After the shift a coordinator records the minutes given or a
-- no-show. The person is detached (NULL) when their account is erased after the shift.
CREATE TABLE volunteer_signup (
    id           CHAR(36)    NOT NULL,
    seq          BIGINT      NOT NULL AUTO_INCREMENT,
    shift_id     CHAR(36)    NOT NULL,
    account_id   CHAR(36)    NULL,
    starts_at    DATETIME(6) NOT NULL,
    ends_at      DATETIME(6) NOT NULL,
    active       TINYINT(1)  NOT NULL DEFAULT 1,
    outcome      VARCHAR(20) NULL,
    minutes      INT         NULL,
    confirmed_by CHAR(36)    NULL,
    confirmed_at DATETIME(6) NULL,
    signed_up_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_volunteer_signup_seq (seq),
    UNIQUE KEY uk_volunteer_signup_person (shift_id, account_id),
    KEY ix_volunteer_signup_shift (shift_id, seq),
    KEY ix_volunteer_signup_account (account_id, ends_at),
    KEY ix_volunteer_signup_confirmer (confirmed_by),
    CONSTRAINT fk_volunteer_signup_shift FOREIGN KEY (shift_id) REFERENCES volunteer_shift (id),
    CONSTRAINT fk_volunteer_signup_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_volunteer_signup_confirmer FOREIGN KEY (confirmed_by) REFERENCES account (id),
    CONSTRAINT ck_volunteer_signup_minutes CHECK (minutes IS NULL OR (minutes >= 0 AND MOD(minutes, 15) = 0))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A resident's volunteer profile: rough availability as flags, whether they want to hear of new
-- opportunities in their wijk that match their skills.
CREATE TABLE volunteer_profile (
    account_id         CHAR(36)    NOT NULL,
    weekday_mornings   TINYINT(1)  NOT NULL DEFAULT 0,
    weekday_afternoons TINYINT(1)  NOT NULL DEFAULT 0,
    weekday_evenings   TINYINT(1)  NOT NULL DEFAULT 0,
    weekends           TINYINT(1)  NOT NULL DEFAULT 0,
    notify_matches     TINYINT(1)  NOT NULL DEFAULT 0,
    updated_at         DATETIME(6) NOT NULL,
    PRIMARY KEY (account_id),
    KEY ix_volunteer_profile_notify (notify_matches),
    CONSTRAINT fk_volunteer_profile_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE volunteer_profile_skill (
    account_id CHAR(36)    NOT NULL,
    skill      VARCHAR(40) NOT NULL,
    PRIMARY KEY (account_id, skill),
    KEY ix_volunteer_profile_skill (skill, account_id),
    CONSTRAINT fk_volunteer_profile_skill FOREIGN KEY (account_id) REFERENCES volunteer_profile (account_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
