-- Participation monitor: inhabitants per wijk and buurt, the municipality's targets, and the
-- quarterly snapshot of indicators computed from the features' own records. The snapshot holds
-- aggregates only, never a person, so erasing an account leaves past quarters as they were.

-- Inhabitants (and optionally households) of a wijk or buurt in a year, as an admin recorded them,
-- e.g. from CBS "Kerncijfers wijken en buurten"; demo marks the made-up figures of the demo data.
CREATE TABLE monitor_inhabitants (
    area_id         CHAR(36)    NOT NULL,
    municipality_id CHAR(36)    NOT NULL,
    wijk_id         CHAR(36)    NOT NULL,
    figure_year     INT         NOT NULL,
    inhabitants     INT         NOT NULL,
    households      INT         NULL,
    demo            TINYINT(1)  NOT NULL DEFAULT 0,
    recorded_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (area_id, figure_year),
    KEY ix_monitor_inhabitants_municipality (municipality_id, figure_year),
    CONSTRAINT fk_monitor_inhabitants_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id),
    CONSTRAINT fk_monitor_inhabitants_wijk FOREIGN KEY (wijk_id) REFERENCES wijk (id),
    CONSTRAINT ck_monitor_inhabitants CHECK (inhabitants >= 0 AND (households IS NULL OR households >= 0))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A target of a municipality for one indicator, in force for the quarters that end on or after its
-- start date (until a later start date of the same indicator).
CREATE TABLE monitor_target (
    municipality_id CHAR(36)     NOT NULL,
    indicator       VARCHAR(40)  NOT NULL,
    start_date      DATE         NOT NULL,
    comparison      VARCHAR(10)  NOT NULL,
    target_percent  DECIMAL(5,1) NOT NULL,
    set_at          DATETIME(6)  NOT NULL,
    PRIMARY KEY (municipality_id, indicator, start_date),
    CONSTRAINT fk_monitor_target_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id),
    CONSTRAINT ck_monitor_target_percent CHECK (target_percent >= 0 AND target_percent <= 100)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One computed quarter of a municipality. A quarter computed after its end is final: it is never
-- computed again.
CREATE TABLE monitor_quarter (
    municipality_id CHAR(36)    NOT NULL,
    quarter_start   DATE        NOT NULL,
    computed_at     DATETIME(6) NOT NULL,
    is_final        TINYINT(1)  NOT NULL,
    PRIMARY KEY (municipality_id, quarter_start),
    CONSTRAINT fk_monitor_quarter_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The figures of a quarter: one row per area (the municipality as a whole, a wijk, or a buurt with
-- its wijk) and figure. The primary key serves both views: a municipality's quarter, and one wijk's.
CREATE TABLE monitor_figure (
    municipality_id CHAR(36)    NOT NULL,
    quarter_start   DATE        NOT NULL,
    wijk_id         CHAR(36)    NOT NULL,
    area_id         CHAR(36)    NOT NULL,
    figure          VARCHAR(40) NOT NULL,
    amount          BIGINT      NOT NULL,
    PRIMARY KEY (municipality_id, quarter_start, wijk_id, area_id, figure),
    CONSTRAINT fk_monitor_figure_quarter FOREIGN KEY (municipality_id, quarter_start)
        REFERENCES monitor_quarter (municipality_id, quarter_start)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- When a municipality's monitor was last refreshed. The refresh locks this row (SKIP LOCKED), so
-- with several server instances one refreshes and the others pass.
CREATE TABLE monitor_refresh (
    municipality_id CHAR(36)    NOT NULL,
    refreshed_at    DATETIME(6) NULL,
    PRIMARY KEY (municipality_id),
    CONSTRAINT fk_monitor_refresh_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The features' figures are read as ranges of time within a municipality.
ALTER TABLE initiative ADD KEY ix_initiative_monitor_submitted (municipality_id, submitted_at);
ALTER TABLE initiative_support ADD KEY ix_support_monitor (supported_at);
ALTER TABLE initiative_comment ADD KEY ix_comment_monitor (created_at);
ALTER TABLE initiative_status_change ADD KEY ix_status_change_monitor (to_status, changed_at);
ALTER TABLE initiative_review ADD KEY ix_review_monitor (reviewed_at);
ALTER TABLE dialoogtafel ADD KEY ix_dialoogtafel_monitor (municipality_id, starts_at);
ALTER TABLE volunteer_signup ADD KEY ix_volunteer_signup_monitor (ends_at);
ALTER TABLE challenge_member ADD KEY ix_challenge_member_monitor (joined_at);
ALTER TABLE budget ADD KEY ix_budget_monitor (municipality_id, budget_year);
