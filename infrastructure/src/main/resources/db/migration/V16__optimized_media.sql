-- Derived versions made by Media Optimizer deliveries, owned by OptimizedMediaProjection (subscribing; rebuilt by replay).
-- media_id names (cloud, media key); variant_id names (transformation, format).
CREATE TABLE mo_derived (
    media_id       CHAR(32)    NOT NULL,
    variant_id     CHAR(32)    NOT NULL,
    cloud          VARCHAR(64) NOT NULL,
    media_key      TEXT        NOT NULL,
    resource_type  VARCHAR(16) NOT NULL,
    transformation TEXT        NOT NULL,
    format         VARCHAR(16) NOT NULL,
    bytes          BIGINT      NOT NULL,
    width          INT         NOT NULL,
    height         INT         NOT NULL,
    blob_key       TEXT        NOT NULL,
    PRIMARY KEY (media_id, variant_id)
);
