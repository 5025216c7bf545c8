package io.darkroom.application.folder;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Port: folder renames in progress, durable so that one a node dies in the middle of goes on elsewhere. A rename is
 * claimed by one node at a time under a lease, renewed as each batch of moves commits.
 */
public interface FolderMoveQueue {
    /** A claimed rename; {@code origin} is the metadata of the request that asked for it (actor, request id, address). */
    record Move(long id, String cloud, String from, String to, Map<String, String> origin, String leaseToken) {
    }

    /** Queues a rename in the caller's transaction. */
    void add(String cloud, String from, String to, Map<String, String> origin);

    /** The oldest rename nobody holds (or whose holder's lease ran out), leased to the caller. */
    Optional<Move> claim(Duration lease);

    /** Extends the lease; false when another node holds the rename now. */
    boolean renew(Move move, Duration lease);

    /** The rename is complete: removes it (in the caller's transaction). */
    void remove(Move move);

    /** Renames waiting or running (a gauge). */
    long pending();
}
