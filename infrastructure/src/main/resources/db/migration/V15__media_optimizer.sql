-- The Media Optimizer read model, owned by OptimizerProjection (subscribing; rebuilt by replay). Secret config values are
-- sealed (AES-GCM under the master key) as they are in the events.
CREATE TABLE mo_media_source (
    cloud        VARCHAR(64) NOT NULL,
    id           CHAR(32)    NOT NULL,
    display_name TEXT        NOT NULL,
    uri_type     VARCHAR(16) NOT NULL,
    config       TEXT        NOT NULL, -- JSON as given (jsonb would reorder its fields)
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (cloud, id)
);
CREATE TABLE mo_mapping_function (
    cloud        VARCHAR(64) NOT NULL,
    id           CHAR(32)    NOT NULL,
    display_name TEXT        NOT NULL,
    code         TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (cloud, id)
);
CREATE TABLE mo_delivery_profile (
    cloud                  VARCHAR(64) NOT NULL,
    id                     CHAR(32)    NOT NULL,
    display_name           TEXT        NOT NULL,
    cname_id               CHAR(32)    NOT NULL,
    path_prefix            TEXT,
    mapping_function_id    CHAR(32)    NOT NULL,
    default_transformation TEXT,
    media_source_ids       TEXT[]      NOT NULL,
    enabled                BOOLEAN     NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (cloud, id)
);
CREATE INDEX mo_delivery_profile_enabled ON mo_delivery_profile (cname_id) WHERE enabled;
