-- Received files (PgMediaStore): pending downloads, stored and refused files, and each stored file's way to SharePoint.
-- state: 0 pending, 1 stored, 2 refused. remote: 0 none, 1 waiting, 2 uploaded, 3 failed. kind: 0 photo, 1 video, 2 document.
-- seq: the order records were made in (a message's files share one received_at).
CREATE TABLE IF NOT EXISTS media (
    seq bigint GENERATED ALWAYS AS IDENTITY,
    id text PRIMARY KEY,
    week_id text NOT NULL,
    department_id text NOT NULL,
    item_key text NOT NULL,
    file_name text NOT NULL,
    original_name text NOT NULL,
    kind integer NOT NULL,
    size bigint NOT NULL,
    sha256 text NOT NULL,
    location text NOT NULL,
    web_url text,
    received_at timestamptz NOT NULL,
    from_name text NOT NULL,
    from_aad_object_id text,
    source_key text,
    batch_id text NOT NULL,
    state integer NOT NULL,
    refused_reason text,
    download_url text,
    needs_bot_token boolean NOT NULL,
    download_attempts integer NOT NULL,
    batch_overflow integer NOT NULL,
    conversation_id text NOT NULL,
    locale text NOT NULL,
    remote integer NOT NULL,
    remote_item_id text,
    remote_path text,
    remote_attempts integer NOT NULL,
    remote_uploaded_at timestamptz,
    remote_next_attempt_at timestamptz,
    remote_error text,
    remote_error_detail text,
    remote_session_url text,
    local_deleted boolean NOT NULL,
    -- The instance working on the pending download or upload, and until when (another may take it over after that).
    claimed_by text,
    claimed_until timestamptz
);

-- ForWeek, OfDepartment, ForItem, StoredForItem, CountByRemote (week first: every reader asks for one week).
CREATE INDEX IF NOT EXISTS media_week_item ON media (week_id, department_id, item_key, received_at, seq);
-- HasBatch, Batch.
CREATE INDEX IF NOT EXISTS media_batch ON media (batch_id, received_at, seq);
-- FindBySource.
CREATE INDEX IF NOT EXISTS media_source ON media (source_key);
-- BatchesSince: files received in the last day.
CREATE INDEX IF NOT EXISTS media_received ON media (received_at);
-- PendingBatches, ClaimDownload's check.
CREATE INDEX IF NOT EXISTS media_pending ON media (seq) WHERE state = 0;
-- ClaimNextUpload, UploadBacklog, NextUploadTime: the upload queue in the order it is worked.
CREATE INDEX IF NOT EXISTS media_upload_queue ON media (remote_next_attempt_at NULLS FIRST, received_at, seq) WHERE remote = 1;
-- LocalOnly, RemoteFailed, NotUploaded, RecentlyUploaded.
CREATE INDEX IF NOT EXISTS media_remote ON media (remote, week_id, received_at);
