-- Inbox items keep the message code of their texts and its arguments, so that title and body are
-- rendered in the reader's language when read (and a push in its device's language when sent).
-- Items from before keep the texts they were stored with in title and body.
ALTER TABLE notification
    ADD COLUMN message_key  VARCHAR(100)  NULL AFTER kind,
    ADD COLUMN message_args JSON          NULL AFTER message_key,
    MODIFY COLUMN title     VARCHAR(200)  NULL,
    MODIFY COLUMN body      VARCHAR(1000) NULL;
