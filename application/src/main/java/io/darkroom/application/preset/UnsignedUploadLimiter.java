package io.darkroom.application.preset;

import java.time.Instant;

/** Port: counts one unsigned upload against a scope's hourly allowance, shared by all nodes. */
public interface UnsignedUploadLimiter {
    /** Counts the call and answers whether it is within {@code hourlyLimit} (0 = unlimited: nothing is counted). */
    boolean consume(String scope, int hourlyLimit, Instant now);
}
