-- A step the system takes by itself (the owner kept on resubmission) explains itself with a message
-- code, rendered in the reader's language; reasons people give stay in reason.
ALTER TABLE initiative_status_change ADD COLUMN reason_code VARCHAR(100) NULL AFTER reason;
