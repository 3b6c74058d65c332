-- The week's picks (择优推荐) and nominations (自荐) (PgPickStore): one row per source and item (id = Pick.IdOf), kept
-- when withdrawn (withdrawn_at, withdrawn_by_name) so the office sees what was chosen and undone.
CREATE TABLE IF NOT EXISTS picks (
    id text PRIMARY KEY,
    week_id text NOT NULL,
    source text NOT NULL,
    department_id text NOT NULL,
    item_key text NOT NULL,
    kind text NOT NULL,
    media_id text,
    reason text,
    by_name text NOT NULL,
    by_aad_object_id text,
    at timestamptz NOT NULL,
    withdrawn_at timestamptz,
    withdrawn_by_name text
);

-- All and Active: a week's picks, oldest first.
CREATE INDEX IF NOT EXISTS picks_week_at ON picks (week_id, at, id);
