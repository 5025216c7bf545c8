-- Usage, owned by UsageProjection (a streaming processor; rebuilt by replay from the events alone).
-- What each asset holds in storage: the bytes of every kept version, its folder, its derived files.
CREATE TABLE usage_asset (
    asset_id       CHAR(32)    PRIMARY KEY,
    cloud          VARCHAR(64) NOT NULL,
    folder         TEXT        NOT NULL,
    original_bytes BIGINT      NOT NULL
);
CREATE TABLE usage_derived (
    derived_id CHAR(32) PRIMARY KEY,
    asset_id   CHAR(32) NOT NULL,
    bytes      BIGINT   NOT NULL
);
CREATE INDEX usage_derived_by_asset ON usage_derived (asset_id);

-- Per cloud and UTC day: stocks as the day's differences (their running sum is the state at a day's
-- end), flows as the day's amounts.
CREATE TABLE usage_day (
    cloud           VARCHAR(64) NOT NULL,
    day             DATE        NOT NULL,
    resources       BIGINT      NOT NULL DEFAULT 0,
    derived         BIGINT      NOT NULL DEFAULT 0,
    storage_bytes   BIGINT      NOT NULL DEFAULT 0,
    bandwidth_bytes BIGINT      NOT NULL DEFAULT 0,
    requests        BIGINT      NOT NULL DEFAULT 0,
    transformations BIGINT      NOT NULL DEFAULT 0,
    admin_calls     BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (cloud, day)
);
CREATE TABLE usage_folder_day (
    cloud         VARCHAR(64) NOT NULL,
    day           DATE        NOT NULL,
    folder        TEXT        NOT NULL,
    storage_bytes BIGINT      NOT NULL,
    PRIMARY KEY (cloud, folder, day)
);
