-- Transformations read model, owned by TransformationListingProjection; listed by name (keyset).
CREATE TABLE transformation_listing (
    cloud              VARCHAR(64) NOT NULL,
    name               TEXT COLLATE "C" NOT NULL,
    named              BOOLEAN NOT NULL,
    definition         TEXT NOT NULL,
    allowed_for_strict BOOLEAN NOT NULL,
    PRIMARY KEY (cloud, name)
);
