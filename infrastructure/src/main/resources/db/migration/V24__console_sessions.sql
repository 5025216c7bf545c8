-- Sessions of the admin console (decision 018): any node serves any session. The cookie's token is never stored, only
-- its SHA-256; the API key is the actor of the changes made in the session; the secret is never stored.
CREATE TABLE console_session (
    token_hash     CHAR(64)     PRIMARY KEY,
    cloud          VARCHAR(64)  NOT NULL,
    api_key        VARCHAR(128) NOT NULL,
    csrf_token     VARCHAR(64)  NOT NULL,
    client_address VARCHAR(64),
    created_at     TIMESTAMPTZ  NOT NULL,
    last_seen_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX console_session_by_last_seen ON console_session (last_seen_at);
