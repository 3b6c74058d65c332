-- One narrow row per slot for "who has not reported" (PgSubmissionStore.Times, asked on every progress answer). Grouping
-- every version of a week in submissions visited the heap pages that hold the form data (an index-only scan needs pages
-- marked all-visible, which the report rush keeps undoing): 30–60 ms for 1,000 departments × 7 days on a busy 2-core
-- machine, against about 1 ms for these rows (EXPLAIN ANALYZE in tests/VocEdWeek.Bot.Bench.Storage/README.md).
CREATE TABLE IF NOT EXISTS submission_slots (
    week_id text NOT NULL,
    department_id text NOT NULL,
    item_key text NOT NULL,
    first_submitted_at timestamptz NOT NULL,
    -- Null until a version of the slot is current.
    current_submitted_at timestamptz,
    versions integer NOT NULL,
    PRIMARY KEY (week_id, department_id, item_key)
);

-- Kept by triggers rather than by the store, so every writer of submissions keeps it in the same transaction: the store's
-- Submit (a new version inserted, then made current) and migrate-storage's copy (rows inserted as they were).
CREATE OR REPLACE FUNCTION submission_slots_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO submission_slots AS s (week_id, department_id, item_key, first_submitted_at, current_submitted_at, versions)
    VALUES (NEW.week_id, NEW.department_id, NEW.item_key, NEW.submitted_at, CASE WHEN NEW.is_current THEN NEW.submitted_at END, NEW.version)
    ON CONFLICT (week_id, department_id, item_key) DO UPDATE SET
        first_submitted_at = least(s.first_submitted_at, excluded.first_submitted_at),
        current_submitted_at = coalesce(excluded.current_submitted_at, s.current_submitted_at),
        versions = greatest(s.versions, excluded.versions);
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER submission_slots_on_insert AFTER INSERT ON submissions
    FOR EACH ROW EXECUTE FUNCTION submission_slots_keep();

-- Only a version becoming current changes the slot's times; demoting the previous one does not.
CREATE OR REPLACE TRIGGER submission_slots_on_current AFTER UPDATE OF is_current ON submissions
    FOR EACH ROW WHEN (NEW.is_current AND NOT OLD.is_current) EXECUTE FUNCTION submission_slots_keep();

-- The slots of what was stored before this migration.
INSERT INTO submission_slots (week_id, department_id, item_key, first_submitted_at, current_submitted_at, versions)
SELECT week_id, department_id, item_key, min(submitted_at), max(submitted_at) FILTER (WHERE is_current), max(version)
FROM submissions GROUP BY week_id, department_id, item_key
ON CONFLICT DO NOTHING;
