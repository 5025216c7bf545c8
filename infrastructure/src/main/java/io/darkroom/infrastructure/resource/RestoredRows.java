package io.darkroom.infrastructure.resource;

import io.darkroom.application.resource.listing.ResourceAnalysis;
import io.darkroom.application.resource.listing.ResourceView;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;

/**
 * The listing rows of assets restored from the trash, held while an Axon unit of work is active and written together
 * ({@link JdbcResourceCatalog#saveUploadedAll}, then their coordinates) when it prepares to commit: a restore batch of
 * 250 assets costs a few round trips instead of three or four per asset. Still inside the transaction. Safe because
 * nothing reads a restored row inside the unit that restores it (the call reads the rows back after the commit).
 */
final class RestoredRows {
    private final JdbcResourceCatalog catalog;
    private final String resourceKey = RestoredRows.class.getName() + "@" + System.identityHashCode(this);

    RestoredRows(JdbcResourceCatalog catalog) {
        this.catalog = catalog;
    }

    private record Row(ResourceView view, ResourceAnalysis analysis, List<List<Integer>> faces, List<List<Integer>> custom) {
    }

    void save(ResourceView view, ResourceAnalysis analysis, List<List<Integer>> faces, List<List<Integer>> custom) {
        if (!CurrentUnitOfWork.isStarted()) {
            write(List.of(new Row(view, analysis, faces, custom)));
            return;
        }
        UnitOfWork<?> unit = CurrentUnitOfWork.get();
        List<Row> pending = unit.getOrComputeResource(resourceKey, key -> {
            List<Row> rows = new ArrayList<>();
            unit.onPrepareCommit(u -> {
                write(rows);
                rows.clear();
            });
            return rows;
        });
        pending.add(new Row(view, analysis, faces, custom));
    }

    private void write(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        catalog.saveUploadedAll(rows.stream().map(Row::view).toList(), rows.stream().map(Row::analysis).toList());
        for (Row row : rows) {
            if (!row.faces().isEmpty() || !row.custom().isEmpty()) {
                catalog.saveCoordinates(row.view().assetId(), row.faces(), row.custom());
            }
        }
    }
}
