-- Failed authentications per client address and minute, shared by every node (AuthenticationThrottle).
CREATE TABLE authentication_failure (
    client_address TEXT        NOT NULL,
    window_start   TIMESTAMPTZ NOT NULL,
    failures       INT         NOT NULL,
    PRIMARY KEY (client_address, window_start)
);
