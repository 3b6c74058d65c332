-- Every week the bot knows (PgWeekStore). The week file's JSON is kept as written (json, not jsonb: the export gives
-- it back as it is). Ids are matched ignoring case, as LiteDB does; a change is written only over the revision it was
-- made on (UPDATE … WHERE revision = expected), so two instances never overwrite each other's change.
CREATE TABLE IF NOT EXISTS weeks (
    id text PRIMARY KEY,
    json json NOT NULL,
    revision integer NOT NULL,
    file_hash text,
    changed_in_teams boolean NOT NULL,
    archived boolean NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

-- Find, Add, Replace: by id ignoring case; one week per id however it is spelt.
CREATE UNIQUE INDEX IF NOT EXISTS weeks_id_ci ON weeks (lower(id));

-- "设置记录" (PgSettingsLogStore), kept for good.
CREATE TABLE IF NOT EXISTS settingslog (
    id text PRIMARY KEY,
    week_id text NOT NULL,
    at timestamptz NOT NULL,
    actor_name text NOT NULL,
    actor_key text,
    kind text NOT NULL,
    subject text NOT NULL,
    before text NOT NULL,
    after text NOT NULL,
    revision integer NOT NULL
);

-- For(week): newest first.
CREATE INDEX IF NOT EXISTS settingslog_week_at ON settingslog (week_id, at DESC, revision DESC);

-- Settings changes waiting for their confirm card (PgPendingChangeStore); claimed by UPDATE … WHERE done_at IS NULL.
CREATE TABLE IF NOT EXISTS settingspending (
    id text PRIMARY KEY,
    week_id text NOT NULL,
    proposal jsonb NOT NULL,
    asked_by_teams_id text NOT NULL,
    asked_by_name text NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    done_at timestamptz,
    outcome text
);

-- Drafts and roster imports waiting for confirmation (PgSetupPendingStore); claimed the same way. Found by id only.
CREATE TABLE IF NOT EXISTS setuppending (
    id text PRIMARY KEY,
    kind text NOT NULL,
    week_id text,
    revision integer NOT NULL,
    payload text NOT NULL,
    source text NOT NULL,
    requested_by text NOT NULL,
    created_at timestamptz NOT NULL,
    done_at timestamptz,
    outcome text
);

-- Export records (PgExportStore).
CREATE TABLE IF NOT EXISTS exports (
    id text PRIMARY KEY,
    kind text NOT NULL,
    week_id text NOT NULL,
    week_title text NOT NULL,
    file_name text NOT NULL,
    size bigint NOT NULL,
    sha256 text NOT NULL,
    created_at timestamptz NOT NULL,
    requested_by_name text NOT NULL,
    requested_by_teams_id text NOT NULL,
    requested_by_aad_object_id text,
    storage text NOT NULL,
    location text NOT NULL,
    web_url text,
    fell_back_to_local boolean NOT NULL,
    local_deleted_at timestamptz
);

-- ForWeek: oldest first.
CREATE INDEX IF NOT EXISTS exports_week_created ON exports (week_id, created_at);

-- LocalMadeBefore (housekeeping): local files not yet deleted, by age.
CREATE INDEX IF NOT EXISTS exports_local_created ON exports (created_at) WHERE storage = 'Local' AND local_deleted_at IS NULL;
