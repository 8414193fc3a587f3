-- The initiative list at any depth. Drafts are listed to their author only (mine=true), so every
-- other list shows the initiatives that were submitted at least once: `published`, kept by the
-- database itself. Each filter leads an index, followed by `published` and by the list's order
-- (newest first: seq; most supported first: support_count and id), so that a page is one range
-- scan starting right after the cursor's row, whatever the filter and the order.
ALTER TABLE initiative ADD COLUMN published TINYINT(1) AS (submitted_at IS NOT NULL) STORED;

ALTER TABLE initiative
    ADD KEY ix_initiative_list_newest (published, seq),
    ADD KEY ix_initiative_list_support (published, support_count, id),
    ADD KEY ix_initiative_wijk_newest (wijk_id, published, seq),
    ADD KEY ix_initiative_wijk_support_list (wijk_id, published, support_count, id),
    ADD KEY ix_initiative_buurt_newest (buurt_id, published, seq),
    ADD KEY ix_initiative_buurt_support_list (buurt_id, published, support_count, id),
    ADD KEY ix_initiative_status_newest (status, published, seq),
    ADD KEY ix_initiative_status_support (status, published, support_count, id),
    ADD KEY ix_initiative_theme_newest (theme, published, seq),
    ADD KEY ix_initiative_theme_support (theme, published, support_count, id),
    ADD KEY ix_initiative_author_support (author_id, support_count, id),
    ADD KEY ix_initiative_owner_support (owner_id, support_count, id);

-- Covered by the keys above (the foreign keys of wijk and buurt included).
ALTER TABLE initiative
    DROP KEY ix_initiative_support,
    DROP KEY ix_initiative_wijk_support,
    DROP KEY ix_initiative_buurt_support,
    DROP KEY ix_initiative_wijk,
    DROP KEY ix_initiative_buurt,
    DROP KEY ix_initiative_status,
    DROP KEY ix_initiative_theme;
