-- Slots the scheduler has dealt with (PgSlotStore); the key is never run again.
CREATE TABLE IF NOT EXISTS schedule_slots (
    id text PRIMARY KEY,
    source text NOT NULL,
    at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL,
    missed boolean NOT NULL,
    result text NOT NULL
);

-- All(): every slot, earliest first.
CREATE INDEX IF NOT EXISTS schedule_slots_at ON schedule_slots (at);
