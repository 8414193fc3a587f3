-- GET /initiatives?owner=me lists an official's initiatives newest first: the owner filter gets an
-- index that also holds the order, like the other filters. It replaces the index on owner_id alone,
-- which it covers (also for the foreign key); the new one is added first, so the key always has one.
ALTER TABLE initiative ADD KEY ix_initiative_owner_seq (owner_id, seq);
ALTER TABLE initiative DROP KEY ix_initiative_owner;
