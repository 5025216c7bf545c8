-- Dynamic folders (issue 21). An asset's folder and display name live beside its public id; rows written before this
-- migration get what the upcasters give their events: the public id's folder and its last segment.
ALTER TABLE resource_listing ADD COLUMN asset_folder TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE resource_listing ADD COLUMN display_name TEXT NOT NULL DEFAULT '';
UPDATE resource_listing SET
    asset_folder = CASE WHEN strpos(public_id, '/') > 0 THEN regexp_replace(public_id, '/[^/]*$', '') ELSE '' END,
    display_name = regexp_replace(public_id, '^.*/', '');

-- The search read model is the listing row: the words of an asset for bare terms, computed by PostgreSQL whenever a row
-- changes. The function is declared immutable (it only reads its arguments) so that a generated column may use it.
CREATE FUNCTION darkroom_search_words(public_id TEXT, display_name TEXT, filename TEXT, tags TEXT[], context JSONB)
    RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_tsvector('simple', lower(translate(
        public_id || ' ' || display_name || ' ' || coalesce(filename, '') || ' ' || array_to_string(tags, ' ') || ' '
            || coalesce((SELECT string_agg(value, ' ') FROM jsonb_each_text(context)), ''),
        '/_-.,;:()[]{}''"', '               ')))
$$;
ALTER TABLE resource_listing ADD COLUMN search_words tsvector
    GENERATED ALWAYS AS (darkroom_search_words(public_id, display_name, original_filename, tags, context)) STORED;

-- What search expressions and folder listings need: a folder (and, by range, its subtree) in time order; display names
-- in a folder (unique_display_name); tags and words by GIN; sizes, times and names across resource types.
CREATE INDEX resource_listing_by_folder ON resource_listing (cloud, asset_folder, created_at, asset_id);
CREATE INDEX resource_listing_by_display_name ON resource_listing (cloud, asset_folder, display_name);
CREATE INDEX resource_listing_tags ON resource_listing USING gin (tags);
CREATE INDEX resource_listing_words ON resource_listing USING gin (search_words);
CREATE INDEX resource_listing_by_bytes ON resource_listing (cloud, bytes, asset_id);
CREATE INDEX resource_listing_by_cloud_time ON resource_listing (cloud, created_at, asset_id);
CREATE INDEX resource_listing_by_cloud_name ON resource_listing (cloud, public_id, asset_id);

-- Folders that exist: made on their own or through an asset filed in them (with their parents). Owned by FolderProjection.
CREATE TABLE folder (
    cloud      VARCHAR(64)      NOT NULL,
    path       TEXT COLLATE "C" NOT NULL,
    parent     TEXT COLLATE "C" NOT NULL,
    created_at TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (cloud, path)
);
CREATE INDEX folder_children ON folder (cloud, parent, path);
INSERT INTO folder (cloud, path, parent, created_at)
SELECT DISTINCT ON (l.cloud, p.path) l.cloud, p.path,
       CASE WHEN strpos(p.path, '/') > 0 THEN regexp_replace(p.path, '/[^/]*$', '') ELSE '' END, l.created_at
FROM resource_listing l
CROSS JOIN LATERAL (
    SELECT array_to_string((string_to_array(l.asset_folder, '/'))[1:n], '/') AS path
    FROM generate_series(1, cardinality(string_to_array(l.asset_folder, '/'))) AS n) p
WHERE l.asset_folder <> ''
ORDER BY l.cloud, p.path, l.created_at;

-- Folder renames in progress, claimed by one node at a time under a lease (FolderMover).
CREATE TABLE folder_move (
    id           BIGSERIAL        PRIMARY KEY,
    cloud        VARCHAR(64)      NOT NULL,
    from_path    TEXT COLLATE "C" NOT NULL,
    to_path      TEXT COLLATE "C" NOT NULL,
    origin       JSONB            NOT NULL,
    lease_token  VARCHAR(36),
    leased_until TIMESTAMPTZ,
    created_at   TIMESTAMPTZ      NOT NULL DEFAULT now()
);
