-- The clouds this Darkroom serves. The API secret is stored only as AES-GCM ciphertext.
CREATE TABLE cloud (
    name              VARCHAR(64)  PRIMARY KEY,
    api_key           VARCHAR(64)  NOT NULL UNIQUE,
    api_secret_cipher TEXT         NOT NULL,
    hourly_limit      INTEGER      NOT NULL CHECK (hourly_limit >= 0),
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Admin API calls per cloud per hour window, shared by every node on this database.
CREATE TABLE admin_api_window (
    cloud        VARCHAR(64) NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    calls        INTEGER     NOT NULL,
    PRIMARY KEY (cloud, window_start)
);
