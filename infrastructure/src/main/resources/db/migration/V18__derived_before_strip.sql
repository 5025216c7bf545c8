-- Derived files and Media Optimizer variants made before derivations stripped embedded metadata (EXIF, XMP, IPTC):
-- they may carry an original's GPS position or owner. DerivedMetadataCleanup deletes each once, as ordinary events
-- (ResourceDerivedDeleted, OptimizedMediaInvalidated), so the next request derives it again, stripped. Rows go as they
-- are done; the table stays empty afterwards.
CREATE TABLE derived_before_strip (
    kind   VARCHAR(16) NOT NULL, -- 'derived' (id = derived_id) or 'optimized' (id = the media key)
    cloud  VARCHAR(64) NOT NULL,
    id     TEXT        NOT NULL,
    PRIMARY KEY (kind, cloud, id)
);
INSERT INTO derived_before_strip (kind, cloud, id) SELECT 'derived', cloud, derived_id FROM derived_resource;
INSERT INTO derived_before_strip (kind, cloud, id) SELECT DISTINCT 'optimized', cloud, media_key FROM mo_derived;
