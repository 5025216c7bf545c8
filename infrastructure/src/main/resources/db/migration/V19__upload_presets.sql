-- Upload presets read model, owned by PresetListingProjection; listed by name (keyset), read on every upload naming one.
CREATE TABLE upload_preset (
    cloud              VARCHAR(64) NOT NULL,
    name               TEXT COLLATE "C" NOT NULL,
    unsigned           BOOLEAN NOT NULL,
    disallow_public_id BOOLEAN NOT NULL,
    settings           JSONB NOT NULL,             -- the Upload API's field values, by field name
    PRIMARY KEY (cloud, name)
);

-- Unsigned uploads are open to the world: counted per preset and per client address in fixed hourly windows, shared by
-- every node (scope: "preset|<cloud>|<name>" or "address|<cloud>|<address>").
CREATE TABLE unsigned_upload_window (
    scope        TEXT        NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    calls        INTEGER     NOT NULL,
    PRIMARY KEY (scope, window_start)
);
