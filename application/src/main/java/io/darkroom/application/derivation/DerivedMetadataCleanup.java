package io.darkroom.application.derivation;

import io.darkroom.application.support.Commands;
import io.darkroom.domain.optimizer.InvalidateOptimizedMedia;
import io.darkroom.domain.optimizer.OptimizedMedia;
import org.axonframework.common.transaction.TransactionManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-off clean-up that came with metadata stripping: derived files stored before it may carry the original's EXIF
 * (a GPS position, a name). Each is deleted as any derived file is (an event with its bytes queued for removal), and
 * each such Media Optimizer media invalidated, so the next request derives it again, stripped. Batches run in one
 * transaction with their removal from the list: a node that dies midway leaves the rest for the next run, on any node.
 */
public class DerivedMetadataCleanup {
    private static final int BATCH = 200;

    private final DerivedBeforeStrip list;
    private final DerivedResources derived;
    private final Commands commands;
    private final TransactionManager transactions;

    public DerivedMetadataCleanup(DerivedBeforeStrip list, DerivedResources derived, Commands commands, TransactionManager transactions) {
        this.list = list;
        this.derived = derived;
        this.commands = commands;
        this.transactions = transactions;
    }

    /** Works one batch; the number of entries done (0: nothing left). */
    public int runBatch() {
        return transactions.fetchInTransaction(() -> {
            List<DerivedBeforeStrip.Entry> entries = list.take(BATCH);
            Map<String, List<String>> derivedByCloud = new LinkedHashMap<>();
            for (DerivedBeforeStrip.Entry entry : entries) {
                if (entry.kind().equals("derived")) {
                    derivedByCloud.computeIfAbsent(entry.cloud(), cloud -> new ArrayList<>()).add(entry.id());
                } else {
                    commands.send(new InvalidateOptimizedMedia(OptimizedMedia.idOf(entry.cloud(), entry.id()), entry.cloud(), entry.id()));
                }
            }
            derivedByCloud.forEach(derived::delete);
            return entries.size();
        });
    }
}
