package io.darkroom.infrastructure.resource;

import io.darkroom.application.resource.listing.ResourceAnalysis;
import io.darkroom.application.resource.listing.ResourceCatalog;
import io.darkroom.application.resource.listing.ResourceView;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The listing's writes for a rebuild, where a batch of events is one unit of work. A resource uploaded in the unit is
 * held in memory with the changes that follow it there (tags, context, moderation, name, deletion) and written with the
 * other held uploads as three JDBC batches when the unit prepares to commit: a batch of 2,000 events then costs a
 * handful of round trips instead of one or three per event. Everything else is written at once, in order; a change to
 * a held resource that is not folded (a new version, coordinates) writes that one first.
 * <p>
 * Holding uploads back is safe: the other writes then run against a table missing only rows that do not exist yet in
 * the history's order either, and the held rows are written in their state at the end of the unit, which the history
 * says is consistent (a name is free when its resource holds it). Without a unit of work every write runs at once.
 * Not for the live projection: there a command's reply may read the rows its own unit wrote.
 */
public final class BatchedResourceCatalog implements ResourceCatalog {
    private final JdbcResourceCatalog catalog;
    private final String resourceKey = BatchedResourceCatalog.class.getName() + "@" + System.identityHashCode(this);

    public BatchedResourceCatalog(JdbcResourceCatalog catalog) {
        this.catalog = catalog;
    }

    private record Held(ResourceView view, ResourceAnalysis analysis) {
    }

    /** The uploads held in the current unit of work, or null without one. */
    private Map<String, Held> held() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getOrComputeResource(resourceKey, key -> {
            Map<String, Held> uploads = new LinkedHashMap<>();
            unitOfWork.onPrepareCommit(u -> write(uploads));
            return uploads;
        });
    }

    private void write(Map<String, Held> uploads) {
        List<ResourceView> views = new ArrayList<>(uploads.size());
        List<ResourceAnalysis> analyses = new ArrayList<>(uploads.size());
        uploads.values().forEach(upload -> {
            views.add(upload.view());
            analyses.add(upload.analysis());
        });
        uploads.clear();
        catalog.saveUploadedAll(views, analyses);
    }

    @Override
    public void saveUploaded(ResourceView resource, ResourceAnalysis analysis) {
        Map<String, Held> held = held();
        if (held == null) {
            catalog.saveUploaded(resource, analysis);
            return;
        }
        Held before = held.get(resource.assetId());
        // as the upsert: an older version never replaces a newer one
        if (before == null || before.view().version() <= resource.version()) {
            held.put(resource.assetId(), new Held(resource, analysis));
        }
    }

    @Override
    public void saveNewVersion(ResourceView resource, ResourceAnalysis analysis) {
        writeHeld(resource.assetId());
        catalog.saveNewVersion(resource, analysis);
    }

    @Override
    public void saveTags(String assetId, List<String> tags, List<String> added, List<String> removed) {
        if (!fold(assetId, view -> view.withTags(tags))) {
            catalog.saveTags(assetId, tags, added, removed);
        }
    }

    @Override
    public void saveContext(String assetId, Map<String, String> context) {
        if (!fold(assetId, view -> view.withContext(context))) {
            catalog.saveContext(assetId, context);
        }
    }

    @Override
    public void saveRestored(ResourceView resource, ResourceAnalysis analysis, List<List<Integer>> faces, List<List<Integer>> custom) {
        saveUploaded(resource, analysis);
        if (!faces.isEmpty() || !custom.isEmpty()) {
            saveCoordinates(resource.assetId(), faces, custom);
        }
    }

    @Override
    public void saveCoordinates(String assetId, List<List<Integer>> faces, List<List<Integer>> custom) {
        writeHeld(assetId);
        catalog.saveCoordinates(assetId, faces, custom);
    }

    @Override
    public void saveModeration(String assetId, String kind, String status) {
        if (!fold(assetId, view -> view.withModeration(kind, status))) {
            catalog.saveModeration(assetId, kind, status);
        }
    }

    @Override
    public void savePublicId(String assetId, String publicId, String assetFolder) {
        if (!fold(assetId, view -> view.withPublicId(publicId, assetFolder))) {
            catalog.savePublicId(assetId, publicId, assetFolder);
        }
    }

    @Override
    public void saveAssetFolder(String assetId, String assetFolder) {
        if (!fold(assetId, view -> view.withPublicId(view.publicId(), assetFolder))) {
            catalog.saveAssetFolder(assetId, assetFolder);
        }
    }

    @Override
    public void saveDisplayName(String assetId, String displayName) {
        if (!fold(assetId, view -> view.withDisplayName(displayName))) {
            catalog.saveDisplayName(assetId, displayName);
        }
    }

    @Override
    public void delete(String assetId) {
        Map<String, Held> held = held();
        if (held != null) {
            held.remove(assetId);
        }
        // rows an earlier unit wrote go too
        catalog.delete(assetId);
    }

    @Override
    public void clear() {
        Map<String, Held> held = held();
        if (held != null) {
            held.clear();
        }
        catalog.clear();
    }

    /** Applies the change to the held upload of {@code assetId}; false when there is none. */
    private boolean fold(String assetId, UnaryOperator<ResourceView> change) {
        Map<String, Held> held = held();
        Held upload = held == null ? null : held.get(assetId);
        if (upload == null) {
            return false;
        }
        held.put(assetId, new Held(change.apply(upload.view()), upload.analysis()));
        return true;
    }

    /** Writes the held upload of {@code assetId}, if any, so a write that needs its row finds it. */
    private void writeHeld(String assetId) {
        Map<String, Held> held = held();
        Held upload = held == null ? null : held.remove(assetId);
        if (upload != null) {
            catalog.saveUploaded(upload.view(), upload.analysis());
        }
    }
}
