-- Outbox jobs (PgOutboxStore). The key is the idempotency key; COLLATE "C" so ordering by it is ordinal, as on LiteDB.
CREATE TABLE IF NOT EXISTS outbox (
    id text COLLATE "C" PRIMARY KEY,
    topic text NOT NULL,
    priority integer NOT NULL,
    recipient jsonb NOT NULL,
    payload jsonb NOT NULL,
    week_id text,
    department_id text,
    item_keys text[] NOT NULL,
    state text NOT NULL,
    outcome text NOT NULL,
    outcome_detail text,
    attempts integer NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    sent_at timestamptz,
    conversation_id text,
    activity_id text,
    claimed_by text,
    claimed_until timestamptz
);

-- Due, ClaimDue, NextDue, DueBacklog, Count and the start-up close of interrupted sends: by state, then due time.
CREATE INDEX IF NOT EXISTS outbox_state_due ON outbox (state, next_attempt_at);
-- ByTopic.
CREATE INDEX IF NOT EXISTS outbox_topic ON outbox (topic);

-- Every reminder decision (PgReminderLogStore); seq keeps the order entries were written in, for equal times.
CREATE TABLE IF NOT EXISTS reminder_log (
    id text PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    at timestamptz NOT NULL,
    local_day text NOT NULL,
    week_id text NOT NULL,
    trigger text NOT NULL,
    triggered_by text,
    slot_key text,
    person_key text NOT NULL,
    person_name text NOT NULL,
    department_id text NOT NULL,
    department_name text NOT NULL,
    item_keys text[] NOT NULL,
    job_id text,
    skipped text
);

-- SentSince (a person's entries since a time) and SentOn (on one local day).
CREATE INDEX IF NOT EXISTS reminder_log_person_at ON reminder_log (week_id, person_key, at);
CREATE INDEX IF NOT EXISTS reminder_log_person_day ON reminder_log (week_id, person_key, local_day);
-- Recent and All: a week's entries by time.
CREATE INDEX IF NOT EXISTS reminder_log_week_at ON reminder_log (week_id, at, seq);
