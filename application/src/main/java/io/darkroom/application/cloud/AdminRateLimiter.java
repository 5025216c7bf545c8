package io.darkroom.application.cloud;

import java.time.Instant;

/** Port: counts one Admin API call against the cloud's hourly allowance, shared by all nodes. */
public interface AdminRateLimiter {
    AdminAllowance consume(String cloud, int hourlyLimit, Instant now);
}
