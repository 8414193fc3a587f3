-- The officials' list of submitted initiatives that no one has taken yet, the longest waiting
-- first: one range scan from the cursor on (municipality, status, no owner, submitted_at, id),
-- however many initiatives of the municipality have moved on.
ALTER TABLE initiative
    ADD KEY ix_initiative_awaiting_owner (municipality_id, status, owner_id, submitted_at, id);
