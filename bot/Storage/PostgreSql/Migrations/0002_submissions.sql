-- Every version of every submission (PgSubmissionStore). A slot is (week_id, department_id, item_key).
CREATE TABLE IF NOT EXISTS submissions (
    id text PRIMARY KEY,
    week_id text NOT NULL,
    department_id text NOT NULL,
    item_key text NOT NULL,
    version integer NOT NULL,
    is_current boolean NOT NULL,
    submitted_at timestamptz NOT NULL,
    submitted_by_name text NOT NULL,
    submitted_by_aad_object_id text,
    submitted_by_teams_id text NOT NULL,
    idempotency_key text,
    data jsonb NOT NULL
);

-- Versions are numbered 1, 2, … per slot. The index also serves History, Current and CurrentOfDepartment (its leading
-- columns) and Times/Summaries of a week (week_id first); it carries what Times reads, so "who has not reported"
-- reads the index alone, not a week of form data.
CREATE UNIQUE INDEX IF NOT EXISTS submissions_slot_version ON submissions (week_id, department_id, item_key, version)
    INCLUDE (is_current, submitted_at);

-- A second click on the same card stores nothing (Submit's duplicate answer).
CREATE UNIQUE INDEX IF NOT EXISTS submissions_idempotency_key ON submissions (idempotency_key) WHERE idempotency_key IS NOT NULL;

-- Exactly one current version per slot, whatever instance wrote it.
CREATE UNIQUE INDEX IF NOT EXISTS submissions_current ON submissions (week_id, department_id, item_key) WHERE is_current;

-- 免报: at most one per slot; the key's first column serves Exemptions(week).
CREATE TABLE IF NOT EXISTS exemptions (
    week_id text NOT NULL,
    department_id text NOT NULL,
    item_key text NOT NULL,
    set_by text NOT NULL,
    set_at timestamptz NOT NULL,
    reason text,
    PRIMARY KEY (week_id, department_id, item_key)
);
