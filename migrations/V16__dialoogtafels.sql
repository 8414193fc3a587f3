-- Dialoogtafels: scheduled conversations of a wijk (or one of its buurten) on one theme, with seats,
-- a waiting list, attendance and afterwards a report with action points. The table's row counts its
-- confirmed seats and its waiting list, and is locked for every registration and change of it, so
-- the seats never exceed the capacity and the waiting list stays numbered 1..n without gaps.
-- Someone waiting holds a queue number; their place in the list is that number minus the numbers
-- already served (queue_served), so a promotion from the head renumbers nobody.

CREATE TABLE dialoogtafel (
    id               CHAR(36)      NOT NULL,
    municipality_id  CHAR(36)      NOT NULL,
    wijk_id          CHAR(36)      NOT NULL,
    buurt_id         CHAR(36)      NULL,
    created_by       CHAR(36)      NULL,
    title            VARCHAR(120)  NOT NULL,
    description      VARCHAR(5000) NOT NULL,
    theme            VARCHAR(20)   NOT NULL,
    place_name       VARCHAR(200)  NULL,
    place_address    VARCHAR(300)  NULL,
    online_link      VARCHAR(500)  NULL,
    starts_at        DATETIME(6)   NOT NULL,
    ends_at          DATETIME(6)   NOT NULL,
    capacity         INT           NOT NULL,
    confirmed        INT           NOT NULL DEFAULT 0,
    waitlisted       INT           NOT NULL DEFAULT 0,
    queue_served     INT           NOT NULL DEFAULT 0,
    facilitator_name VARCHAR(120)  NULL,
    status           VARCHAR(20)   NOT NULL,
    cancel_reason    VARCHAR(2000) NULL,
    cancelled_at     DATETIME(6)   NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_dialoogtafel_start (starts_at, id),
    KEY ix_dialoogtafel_wijk (wijk_id, starts_at, id),
    KEY ix_dialoogtafel_buurt (buurt_id, starts_at, id),
    KEY ix_dialoogtafel_theme (theme, starts_at, id),
    KEY ix_dialoogtafel_creator (created_by),
    CONSTRAINT fk_dialoogtafel_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id),
    CONSTRAINT fk_dialoogtafel_wijk FOREIGN KEY (wijk_id) REFERENCES wijk (id),
    CONSTRAINT fk_dialoogtafel_buurt FOREIGN KEY (buurt_id) REFERENCES buurt (id),
    CONSTRAINT fk_dialoogtafel_creator FOREIGN KEY (created_by) REFERENCES account (id),
    CONSTRAINT ck_dialoogtafel_seats CHECK (capacity BETWEEN 1 AND 500 AND confirmed >= 0 AND confirmed <= capacity
        AND waitlisted >= 0 AND queue_served >= 0),
    CONSTRAINT ck_dialoogtafel_times CHECK (ends_at > starts_at),
    CONSTRAINT ck_dialoogtafel_place CHECK (place_name IS NOT NULL OR online_link IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per person who took a seat (CONFIRMED) or waits for one (WAITLISTED, with their queue
-- number), until they cancel before the start (the row goes); when someone waiting cancels, the
-- numbers after theirs move up by one. After the start the organisers
-- record attendance of the confirmed. The person is detached (NULL) when their account is erased
-- after the table started, so that attendance still counts for the participation monitor.
CREATE TABLE dialoogtafel_registration (
    id                CHAR(36)    NOT NULL,
    seq               BIGINT      NOT NULL AUTO_INCREMENT,
    dialoogtafel_id   CHAR(36)    NOT NULL,
    account_id        CHAR(36)    NULL,
    status            VARCHAR(20) NOT NULL,
    queue_number      INT         NULL,
    attendance        VARCHAR(10) NULL,
    attendance_by     CHAR(36)    NULL,
    attendance_at     DATETIME(6) NULL,
    registered_at     DATETIME(6) NOT NULL,
    confirmed_at      DATETIME(6) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_dialoogtafel_registration_seq (seq),
    UNIQUE KEY uk_dialoogtafel_registration_person (dialoogtafel_id, account_id),
    UNIQUE KEY uk_dialoogtafel_registration_queue (dialoogtafel_id, queue_number),
    KEY ix_dialoogtafel_registration_table (dialoogtafel_id, seq),
    KEY ix_dialoogtafel_registration_account (account_id),
    KEY ix_dialoogtafel_registration_recorder (attendance_by),
    CONSTRAINT fk_dialoogtafel_registration_table FOREIGN KEY (dialoogtafel_id) REFERENCES dialoogtafel (id),
    CONSTRAINT fk_dialoogtafel_registration_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_dialoogtafel_registration_recorder FOREIGN KEY (attendance_by) REFERENCES account (id),
    CONSTRAINT ck_dialoogtafel_registration_queue CHECK ((status = 'WAITLISTED') = (queue_number IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The report (verslag) of a table that has ended, and its action points: what will be done and who
-- takes it up. An action point that a resident turned into a draft initiative keeps its id; the link
-- goes when that draft is deleted (its author's account erased before it was submitted).
CREATE TABLE dialoogtafel_report (
    dialoogtafel_id   CHAR(36)      NOT NULL,
    summary           VARCHAR(5000) NOT NULL,
    participant_count INT           NOT NULL,
    published_by      CHAR(36)      NULL,
    published_at      DATETIME(6)   NOT NULL,
    updated_at        DATETIME(6)   NOT NULL,
    PRIMARY KEY (dialoogtafel_id),
    KEY ix_dialoogtafel_report_publisher (published_by),
    CONSTRAINT fk_dialoogtafel_report_table FOREIGN KEY (dialoogtafel_id) REFERENCES dialoogtafel (id),
    CONSTRAINT fk_dialoogtafel_report_publisher FOREIGN KEY (published_by) REFERENCES account (id),
    CONSTRAINT ck_dialoogtafel_report_count CHECK (participant_count >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE dialoogtafel_action_point (
    id              CHAR(36)      NOT NULL,
    dialoogtafel_id CHAR(36)      NOT NULL,
    position        INT           NOT NULL,
    text            VARCHAR(1000) NOT NULL,
    taken_up_by     VARCHAR(200)  NOT NULL,
    initiative_id   CHAR(36)      NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_dialoogtafel_action_point_position (dialoogtafel_id, position),
    UNIQUE KEY uk_dialoogtafel_action_point_initiative (initiative_id),
    CONSTRAINT fk_dialoogtafel_action_point_table FOREIGN KEY (dialoogtafel_id) REFERENCES dialoogtafel (id),
    CONSTRAINT fk_dialoogtafel_action_point_initiative FOREIGN KEY (initiative_id) REFERENCES initiative (id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The other end of that link: the draft initiative knows the dialoogtafel and action point it came from.
ALTER TABLE initiative
    ADD COLUMN origin_dialoogtafel_id CHAR(36) NULL,
    ADD COLUMN origin_action_point_id CHAR(36) NULL,
    ADD CONSTRAINT fk_initiative_origin_dialoogtafel FOREIGN KEY (origin_dialoogtafel_id) REFERENCES dialoogtafel (id),
    ADD CONSTRAINT fk_initiative_origin_action_point FOREIGN KEY (origin_action_point_id) REFERENCES dialoogtafel_action_point (id);

-- Residents who asked to hear of every new dialoogtafel in the wijk they live in.
CREATE TABLE dialoogtafel_alert (
    account_id CHAR(36)    NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (account_id),
    CONSTRAINT fk_dialoogtafel_alert_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A new table still to be announced to the residents of its wijk who asked for it: a background job
-- notifies them a batch at a time, in the order of their account ids, after the last one done.
CREATE TABLE dialoogtafel_announcement (
    dialoogtafel_id  CHAR(36)    NOT NULL,
    after_account_id CHAR(36)    NULL,
    created_at       DATETIME(6) NOT NULL,
    PRIMARY KEY (dialoogtafel_id),
    KEY ix_dialoogtafel_announcement_created (created_at),
    CONSTRAINT fk_dialoogtafel_announcement_table FOREIGN KEY (dialoogtafel_id) REFERENCES dialoogtafel (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The mail channel of the notification feature, for residents who use the portal and no app: per
-- person and category whether the important notices also come by mail (NULL: the category's
-- default), and the mail outbox. A mail job is written in the transaction of the change that caused
-- it, its texts rendered in the reader's language when it is sent, and its row goes once it was
-- handed to the SMTP server.
ALTER TABLE notification_preference ADD COLUMN mail_enabled BOOLEAN NULL;

CREATE TABLE mail_job (
    id            CHAR(36)     NOT NULL,
    account_id    CHAR(36)     NOT NULL,
    category      VARCHAR(30)  NOT NULL,
    kind          VARCHAR(40)  NOT NULL,
    message_key   VARCHAR(100) NOT NULL,
    message_args  JSON         NOT NULL,
    resource_type VARCHAR(30)  NOT NULL,
    resource_id   CHAR(36)     NOT NULL,
    seq           BIGINT       NOT NULL AUTO_INCREMENT,
    created_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_mail_job_seq (seq),
    KEY ix_mail_job_account (account_id),
    CONSTRAINT fk_mail_job_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
