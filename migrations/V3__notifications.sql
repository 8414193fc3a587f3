-- Notifications: devices for push, the in-app inbox, preferences, and the durable push outbox.

CREATE TABLE device (
    id           CHAR(36)      NOT NULL,
    account_id   CHAR(36)      NOT NULL,
    token        VARCHAR(4096) NOT NULL,
    token_hash   CHAR(64)      NOT NULL,
    platform     VARCHAR(10)   NOT NULL,
    locale       VARCHAR(2)    NOT NULL,
    app_version  VARCHAR(40)   NULL,
    created_at   DATETIME(6)   NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_device_token (token_hash),
    KEY ix_device_account (account_id),
    CONSTRAINT fk_device_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One inbox item per person and event, with its texts rendered in the person's language.
CREATE TABLE notification (
    id             CHAR(36)      NOT NULL,
    seq            BIGINT        NOT NULL AUTO_INCREMENT,
    account_id     CHAR(36)      NOT NULL,
    category       VARCHAR(30)   NOT NULL,
    kind           VARCHAR(40)   NOT NULL,
    title          VARCHAR(200)  NOT NULL,
    body           VARCHAR(1000) NOT NULL,
    resource_type  VARCHAR(30)   NOT NULL,
    resource_id    CHAR(36)      NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    read_at        DATETIME(6)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_notification_seq (seq),
    KEY ix_notification_inbox (account_id, seq),
    KEY ix_notification_unread (account_id, read_at),
    CONSTRAINT fk_notification_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Push on/off per category; a missing row means the category's default (on).
CREATE TABLE notification_preference (
    account_id    CHAR(36)    NOT NULL,
    category      VARCHAR(30) NOT NULL,
    push_enabled  BOOLEAN     NOT NULL,
    PRIMARY KEY (account_id, category),
    CONSTRAINT fk_preference_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Quiet hours in Europe/Amsterdam local time; a missing row means 22:00-08:00.
CREATE TABLE quiet_hours (
    account_id   CHAR(36)   NOT NULL,
    starts_at    VARCHAR(5) NOT NULL,
    ends_at      VARCHAR(5) NOT NULL,
    PRIMARY KEY (account_id),
    CONSTRAINT fk_quiet_hours_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The push outbox: one job per notification and device, written in the transaction that caused it.
-- A dispatcher claims due jobs with SELECT ... FOR UPDATE SKIP LOCKED under a lease.
CREATE TABLE push_job (
    id               CHAR(36)      NOT NULL,
    seq              BIGINT        NOT NULL AUTO_INCREMENT,
    notification_id  CHAR(36)      NOT NULL,
    device_id        CHAR(36)      NULL,
    status           VARCHAR(10)   NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    not_before       DATETIME(6)   NOT NULL,
    claimed_by       VARCHAR(64)   NULL,
    lease_until      DATETIME(6)   NULL,
    last_error       VARCHAR(500)  NULL,
    message_id       VARCHAR(200)  NULL,
    created_at       DATETIME(6)   NOT NULL,
    finished_at      DATETIME(6)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_push_job_seq (seq),
    KEY ix_push_job_due (status, not_before),
    KEY ix_push_job_lease (status, lease_until),
    KEY ix_push_job_notification (notification_id),
    KEY ix_push_job_finished (status, finished_at),
    CONSTRAINT fk_push_job_notification FOREIGN KEY (notification_id) REFERENCES notification (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
