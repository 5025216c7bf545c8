package io.darkroom.application.cloud;

import java.time.Instant;

/** Port: failed authentications per client address in fixed one-minute windows, shared by all nodes. */
public interface AuthenticationFailures {
    /** Counts one failure of {@code client} and answers the window's count so far. */
    int record(String client, Instant now);

    /** The failures of {@code client} in the window holding {@code now}. */
    int count(String client, Instant now);
}
