package io.darkroom.application.folder;

import io.darkroom.application.support.Commands;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.cloud.CloudName;
import io.darkroom.domain.folder.FinishFolderRename;
import io.darkroom.domain.folder.FolderPath;
import io.darkroom.domain.resource.AssetId;
import io.darkroom.domain.resource.MoveResource;
import org.axonframework.common.transaction.TransactionManager;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Carries out folder renames: claims one, moves its assets in batches of {@code batchSize} (one transaction and one event
 * per asset each, with the actor of the request that asked), renewing its lease after each batch, until the folder and
 * everything below it is empty; then records the rename finished and drops it from the queue in one transaction. A node
 * that dies midway leaves the rename to the next node whose claim finds the lease expired: the assets already moved are
 * no longer in the old folder, so it goes on where the other stopped. Assets uploaded into the old folder while the rename
 * runs are moved too.
 */
public class FolderMover {
    private final FolderMoveQueue queue;
    private final FolderQueries queries;
    private final Commands commands;
    private final TransactionManager transactions;
    private final int batchSize;
    private final Duration lease;

    public FolderMover(FolderMoveQueue queue, FolderQueries queries, Commands commands, TransactionManager transactions,
                       int batchSize, Duration lease) {
        this.queue = queue;
        this.queries = queries;
        this.commands = commands;
        this.transactions = transactions;
        this.batchSize = batchSize;
        this.lease = lease;
    }

    /** Carries out one waiting rename to the end (or until the lease is lost); false when none was waiting. */
    public boolean runOne() {
        Optional<FolderMoveQueue.Move> claimed = queue.claim(lease);
        if (claimed.isEmpty()) {
            return false;
        }
        FolderMoveQueue.Move move = claimed.get();
        FolderPath from = FolderPath.of(move.from());
        FolderPath to = FolderPath.of(move.to());
        while (true) {
            List<FolderQueries.Filed> batch = queries.assetsIn(move.cloud(), move.from(), batchSize);
            if (batch.isEmpty()) {
                transactions.executeInTransaction(() -> {
                    commands.sendAs(new FinishFolderRename(move.cloud(), from), move.origin());
                    queue.remove(move);
                });
                // an upload into the old folder that committed while the rename finished is not left out of sight: the
                // folder that holds it exists again
                if (!queries.assetsIn(move.cloud(), move.from(), 1).isEmpty()) {
                    commands.sendAs(new io.darkroom.domain.folder.CreateFolder(move.cloud(), from), move.origin());
                }
                return true;
            }
            commands.retrying(() -> commands.inOneUnit(() -> {
                for (FolderQueries.Filed asset : batch) {
                    moveOne(move, from, to, asset);
                }
                return null;
            }));
            if (!queue.renew(move, lease)) {
                return true; // another node took it over after our lease ran out; it goes on from here
            }
        }
    }

    private void moveOne(FolderMoveQueue.Move move, FolderPath from, FolderPath to, FolderQueries.Filed asset) {
        FolderPath target = from.movedTo(to, FolderPath.of(asset.assetFolder()));
        try {
            commands.sendAs(new MoveResource(AssetId.of(asset.assetId()), CloudName.of(move.cloud()), target), move.origin());
        } catch (DarkroomException e) {
            // Commands.send reports a resource deleted since the batch was read as NOT_FOUND: nothing to move
            if (e.kind() != DarkroomException.Kind.NOT_FOUND) {
                throw e;
            }
        }
    }
}
