package io.darkroom.application.preset;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Port: counts one unsigned upload against hourly allowances, shared by all nodes. */
public interface UnsignedUploadLimiter {
    /**
     * Counts the call against each scope's allowance ({@code hourlyLimits}, in this order; 0 = unlimited: not counted) and
     * answers the first scope whose allowance it exceeds, if any.
     */
    Optional<String> consume(Map<String, Integer> hourlyLimits, Instant now);
}
