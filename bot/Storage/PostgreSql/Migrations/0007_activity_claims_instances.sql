-- Activity de-duplication across instances (PgOnceClaims): the first instance to insert an activity's key runs it.
CREATE TABLE IF NOT EXISTS activity_claims (
    key text PRIMARY KEY,
    instance text NOT NULL,
    claimed_at timestamptz NOT NULL
);

-- Forget: claims older than the de-duplication window.
CREATE INDEX IF NOT EXISTS activity_claims_claimed_at ON activity_claims (claimed_at);

-- The running instances (PgInstanceRegistry): start-up refuses a local-only file store when another host runs too.
-- file_store: 'local' or 'sharepoint'; heartbeat_at is refreshed while the instance runs (database clock).
CREATE TABLE IF NOT EXISTS instances (
    name text PRIMARY KEY,
    host text NOT NULL,
    file_store text NOT NULL,
    started_at timestamptz NOT NULL,
    heartbeat_at timestamptz NOT NULL
);

-- The start-up check: instances seen recently.
CREATE INDEX IF NOT EXISTS instances_heartbeat ON instances (heartbeat_at);
