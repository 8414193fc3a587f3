-- Notices scheduled for a later moment, such as reminders. A feature keeps each under a business
-- key (e.g. the report reminder of one proposal and reporting moment) so that it can withdraw or
-- move it; at its time it becomes the inbox items and push jobs of its recipients, and its row goes.
CREATE TABLE scheduled_notice (
    id             CHAR(36)     NOT NULL,
    notice_key     VARCHAR(190) NOT NULL,
    recipient_id   CHAR(36)     NOT NULL,
    due_at         DATETIME(6)  NOT NULL,
    category       VARCHAR(30)  NOT NULL,
    kind           VARCHAR(40)  NOT NULL,
    message_key    VARCHAR(100) NOT NULL,
    message_args   JSON         NOT NULL,
    resource_type  VARCHAR(30)  NOT NULL,
    resource_id    CHAR(36)     NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_scheduled_notice_key (notice_key, recipient_id),
    KEY ix_scheduled_notice_due (due_at),
    KEY ix_scheduled_notice_recipient (recipient_id),
    CONSTRAINT fk_scheduled_notice_recipient FOREIGN KEY (recipient_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
