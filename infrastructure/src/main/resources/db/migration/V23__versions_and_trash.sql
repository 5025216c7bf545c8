-- Versions read model, owned by VersionProjection: every uploaded version of every asset with its facts (what a
-- restore needs), the current one marked, and when its bytes were removed for good (purged_at; null: restorable).
CREATE TABLE resource_version (
    asset_id    CHAR(32)    NOT NULL,
    version_id  VARCHAR(64) NOT NULL,
    cloud       VARCHAR(64) NOT NULL,
    version     BIGINT      NOT NULL,
    uploaded_at TIMESTAMPTZ NOT NULL,
    format      VARCHAR(16) NOT NULL,
    bytes       BIGINT      NOT NULL,
    facts       JSONB       NOT NULL,
    current     BOOLEAN     NOT NULL,
    purged_at   TIMESTAMPTZ,
    PRIMARY KEY (asset_id, version_id)
);

-- The trash: deleted assets whose bytes are kept for their cloud's retention. The name they had is free meanwhile.
CREATE TABLE resource_trash (
    asset_id      CHAR(32)    PRIMARY KEY,
    cloud         VARCHAR(64) NOT NULL,
    resource_type VARCHAR(16) NOT NULL,
    type          VARCHAR(32) NOT NULL,
    public_id     TEXT COLLATE "C" NOT NULL,
    version_id    VARCHAR(64) NOT NULL,
    deleted_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX resource_trash_by_name ON resource_trash (cloud, resource_type, type, public_id, deleted_at);
CREATE INDEX resource_trash_by_time ON resource_trash (cloud, deleted_at, asset_id);
-- (the trash listing pages newest first: a backward scan of resource_trash_by_time)

-- The history so far, exactly as VersionProjection would have built it: before the trash every deletion removed the
-- bytes at once (its versions purged then), and nothing was ever restored (the latest version is the current one).
INSERT INTO resource_version (asset_id, version_id, cloud, version, uploaded_at, format, bytes, facts, current)
SELECT e.aggregate_identifier, p ->> 'versionId', p ->> 'cloud', (p ->> 'version')::bigint, e.time_stamp::timestamptz,
       coalesce(p -> 'facts' ->> 'format', ''), (p -> 'facts' ->> 'bytes')::bigint, p -> 'facts', false
  FROM domain_event_entry e, LATERAL (SELECT convert_from(e.payload, 'UTF8')::jsonb AS p) j
 WHERE e.payload_type IN ('io.darkroom.domain.resource.ResourceUploaded', 'io.darkroom.domain.resource.ResourceVersionUploaded')
ON CONFLICT DO NOTHING;
UPDATE resource_version v SET current = true
  FROM (SELECT asset_id, max(version) AS version FROM resource_version GROUP BY asset_id) latest
 WHERE latest.asset_id = v.asset_id AND latest.version = v.version;
UPDATE resource_version v SET purged_at = d.time_stamp::timestamptz
  FROM domain_event_entry d
 WHERE d.payload_type = 'io.darkroom.domain.resource.ResourceDeleted' AND d.aggregate_identifier = v.asset_id;

-- Usage: a trashed asset's bytes are storage until purged, and counted apart as trash.
ALTER TABLE usage_asset ADD COLUMN trashed BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE usage_day ADD COLUMN trash_bytes BIGINT NOT NULL DEFAULT 0;
