-- Conversation references (PgConversationStore): saved on install, refreshed per activity, marked on uninstall.
CREATE TABLE IF NOT EXISTS conversations (
    id text PRIMARY KEY,
    service_url text NOT NULL,
    tenant_id text,
    bot_id text,
    bot_name text,
    scope text NOT NULL,
    user_id text,
    user_aad_object_id text,
    user_name text,
    team_id text,
    channel_id text,
    locale text,
    installed_at timestamptz,
    removed_at timestamptz,
    welcomed_at timestamptz,
    updated_at timestamptz NOT NULL
);

-- FindPersonal: a user's live 1:1 chat, by Entra object id, else by Teams id.
CREATE INDEX IF NOT EXISTS conversations_personal_aad ON conversations (user_aad_object_id)
    WHERE scope = 'Personal' AND removed_at IS NULL;
CREATE INDEX IF NOT EXISTS conversations_personal_user ON conversations (user_id)
    WHERE scope = 'Personal' AND removed_at IS NULL;

-- LatestOfTenant: the most recently seen live conversation of a tenant, or of any known tenant.
CREATE INDEX IF NOT EXISTS conversations_live_tenant ON conversations (tenant_id, updated_at DESC)
    WHERE removed_at IS NULL;
CREATE INDEX IF NOT EXISTS conversations_live_latest ON conversations (updated_at DESC)
    WHERE removed_at IS NULL AND tenant_id IS NOT NULL;

-- Teams: the most recently seen live channel record of each team.
CREATE INDEX IF NOT EXISTS conversations_live_teams ON conversations (team_id, updated_at DESC)
    WHERE removed_at IS NULL AND team_id IS NOT NULL;

-- Settings the office changes from Teams (PgSettingsStore), with who set them and the value each change replaced.
-- An empty value is "not set from Teams". Only looked up by key.
CREATE TABLE IF NOT EXISTS settings (
    id text PRIMARY KEY,
    value text NOT NULL,
    changed_by text,
    changed_by_name text,
    changed_at timestamptz NOT NULL,
    previous_value text NOT NULL,
    previous_changed_by text,
    previous_changed_by_name text,
    previous_changed_at timestamptz
);

-- Teams users' e-mail / UPN as the connector reported them (PgKnownUserStore), by Teams user id.
CREATE TABLE IF NOT EXISTS users (
    id text PRIMARY KEY,
    aad_object_id text,
    email text,
    user_principal_name text,
    checked_at timestamptz NOT NULL
);

-- FindByEmail: e-mail or UPN, case-insensitively.
CREATE INDEX IF NOT EXISTS users_email ON users (lower(email));
CREATE INDEX IF NOT EXISTS users_upn ON users (lower(user_principal_name));

-- How many of an upload-page batch's files have been acknowledged in the chat (PgUploadAcknowledgementStore), by batch id.
CREATE TABLE IF NOT EXISTS upload_acknowledgements (
    id text PRIMARY KEY,
    at timestamptz NOT NULL,
    count integer NOT NULL
);
