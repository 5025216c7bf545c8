package io.darkroom.domain.usage;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Traffic one node counted for one cloud in one minute, flushed as one event (never one event per
 * request): deliveries and the bytes they sent, and Admin API calls. Several events for the same
 * node, cloud and minute add up.
 *
 * @param minute the start of the minute (UTC) the counts belong to
 */
@Revision("1")
public record UsageMetered(String node, String cloud, Instant minute, long deliveries, long deliveredBytes, long adminCalls) {
}
