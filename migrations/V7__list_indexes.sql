-- Every list page is a range scan of an index whose prefix is the list's filter and whose rest is its
-- order, starting right after the cursor's row.

-- The overdue list of one wijk: (wijk, status, due date) and, inside InnoDB's secondary index, the id.
ALTER TABLE initiative ADD KEY ix_initiative_wijk_overdue (wijk_id, status, answer_due_date);

-- Comments of an initiative without the deleted ones: deleted comments keep their row, and a page
-- should not have to step over them. It covers ix_comment_initiative (also for the foreign key),
-- which goes once the new one is there.
ALTER TABLE initiative_comment ADD KEY ix_comment_initiative_live (initiative_id, deleted_at, seq);
ALTER TABLE initiative_comment DROP KEY ix_comment_initiative;
