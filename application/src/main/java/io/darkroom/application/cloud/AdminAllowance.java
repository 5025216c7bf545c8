package io.darkroom.application.cloud;

import java.time.Instant;

/** The Admin API allowance after one call: limit (0 = unlimited), what remains, when the window resets. */
public record AdminAllowance(int limit, int remaining, Instant resetAt, boolean allowed) {
}
