package io.darkroom.application.resource.upload;

import io.darkroom.application.blob.BlobDeletionQueue;
import io.darkroom.application.blob.BlobStore;
import io.darkroom.application.resource.PublicIdClaims;
import io.darkroom.application.resource.ResourceKey;
import io.darkroom.application.resource.listing.ResourceAnalysis;
import io.darkroom.application.resource.listing.ResourceReadModel;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.support.Commands;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.application.support.IdGenerator;
import io.darkroom.domain.cloud.CloudName;
import io.darkroom.application.cloud.FolderModes;
import io.darkroom.domain.resource.AssetId;
import io.darkroom.domain.resource.ChangeDisplayName;
import io.darkroom.domain.resource.DisplayName;
import io.darkroom.domain.resource.MoveResource;
import io.darkroom.domain.resource.Labels;
import io.darkroom.domain.resource.MediaFacts;
import io.darkroom.domain.resource.PublicId;
import io.darkroom.domain.resource.ResourceType;
import io.darkroom.domain.resource.SetCoordinates;
import io.darkroom.domain.resource.UploadNewVersion;
import io.darkroom.domain.resource.UploadResource;
import org.axonframework.common.transaction.TransactionManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The upload use case. Bytes are inspected and stored first (outside any transaction, as
 * they may be large); then one transaction claims the public id, appends the event and
 * updates the read model. If that transaction fails, no name, event or row remains, and
 * the stored bytes are removed (and if the process dies first, the deletion queue removes them
 * after {@code orphanGrace}).
 */
public class ResourceUploader {
    private final MediaInspector inspector;
    private final BlobStore blobs;
    private final PublicIdClaims claims;
    private final ResourceReadModel readModel;
    private final Commands commands;
    private final TransactionManager transactions;
    private final Clock clock;
    private final BlobDeletionQueue deletions;
    private final Duration orphanGrace;
    private final IdGenerator ids;
    private final IncomingConversion conversion;
    private final FolderModes folderModes;

    public ResourceUploader(MediaInspector inspector, BlobStore blobs, PublicIdClaims claims, ResourceReadModel readModel,
                            Commands commands, TransactionManager transactions, Clock clock, BlobDeletionQueue deletions,
                            Duration orphanGrace, IdGenerator ids, IncomingConversion conversion,
                            FolderModes folderModes) {
        this.folderModes = folderModes;
        this.ids = ids;
        this.conversion = conversion;
        this.inspector = inspector;
        this.blobs = blobs;
        this.claims = claims;
        this.readModel = readModel;
        this.commands = commands;
        this.transactions = transactions;
        this.clock = clock;
        this.deletions = deletions;
        this.orphanGrace = orphanGrace;
    }

    /**
     * Stores the file as the request asks: first what {@link IncomingRules} make of it (refused, converted or transformed:
     * the stored facts are the result's), then its bytes and its event.
     */
    public UploadOutcome upload(UploadRequest request) {
        MediaInspector.Inspected inspected = inspector.inspect(request.file().path(), request.file().originalFilename());
        ResourceType kind = kindFor(request.resourceType(), inspected.kind());
        MediaFacts facts = kind == ResourceType.RAW ? asRaw(inspected.facts()) : inspected.facts();
        String target = request.incoming().conversionFor(kind, facts.format());
        if (target == null) {
            return store(request, kind, facts);
        }
        java.nio.file.Path converted = conversion.convert(request.cloud(), request.file().path(), request.incoming().transformation(),
                target);
        try {
            StagedFile result = new StagedFile(converted, request.file().originalFilename());
            MediaFacts convertedFacts = inspector.inspect(converted, result.originalFilename()).facts();
            return store(request.withFile(result), kind, convertedFacts);
        } finally {
            try {
                java.nio.file.Files.deleteIfExists(converted);
            } catch (IOException ignored) {
                // a staging file left behind is swept with the staging directory
            }
        }
    }

    private UploadOutcome store(UploadRequest request, ResourceType kind, MediaFacts facts) {
        UploadNaming.Naming naming = UploadNaming.choose(request, folderModes.of(request.cloud()), kind, facts.format(), ids);
        String versionId = ids.hex32();
        String blobKey = BlobStore.keyOf(request.cloud(), versionId);
        // the file is stored before its event commits: queue it for removal first, and let the
        // upload's transaction take it off the queue, so a crash in between leaves no orphan
        deletions.enqueueLater(blobKey, orphanGrace);
        try {
            StagedFile file = request.file();
            if (!file.storedParts().isEmpty() && blobs.compose(blobKey, file.storedParts())) {
                java.nio.file.Files.deleteIfExists(file.path());
            } else {
                blobs.store(blobKey, file.path());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the uploaded file", e);
        }
        try {
            UploadOutcome outcome = recordWithRetry(request, kind, naming, versionId, facts);
            if (outcome.existing()) {
                deleteQuietly(blobKey);
            }
            return outcome;
        } catch (RuntimeException e) {
            deleteQuietly(blobKey);
            throw e;
        }
    }

    private UploadOutcome recordWithRetry(UploadRequest request, ResourceType kind, UploadNaming.Naming naming, String versionId,
                                          MediaFacts facts) {
        return commands.retrying(() -> transactions.fetchInTransaction(() -> {
            UploadOutcome outcome = record(request, kind, naming, versionId, facts);
            if (!outcome.existing()) {
                deletions.cancel(BlobStore.keyOf(request.cloud(), versionId));
            }
            return outcome;
        }));
    }

    private UploadOutcome record(UploadRequest request, ResourceType kind, UploadNaming.Naming naming, String versionId,
                                 MediaFacts facts) {
        PublicId publicId = naming.publicId();
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        String newAssetId = ids.hex32();
        String holder = claims.claim(new ResourceKey(request.cloud(), kind.wireName(), request.type().wireName()), publicId.value(), newAssetId);
        Labels labels = request.labels();
        if (holder.equals(newAssetId)) {
            commands.send(new UploadResource(AssetId.of(newAssetId), CloudName.of(request.cloud()), kind, request.type(), publicId,
                    versionId, facts, labels == null ? Labels.NONE : labels, request.moderation(), now, naming.assetFolder(),
                    displayName(request, naming)));
        } else if (request.overwrite()) {
            commands.send(new UploadNewVersion(AssetId.of(holder), CloudName.of(request.cloud()), versionId, facts, labels, now));
            placeNewVersion(request, naming, holder);
        } else {
            ResourceView existing = readModel.findByAssetId(request.cloud(), holder)
                    .orElseThrow(() -> new IllegalStateException("claimed name without a resource: " + holder));
            return new UploadOutcome(existing, readModel.analysis(holder), true);
        }
        String assetId = holder;
        if (request.setsCoordinates()) {
            commands.send(new SetCoordinates(AssetId.of(assetId), CloudName.of(request.cloud()), request.faces(), request.custom()));
        }
        ResourceView stored = readModel.findByAssetId(request.cloud(), assetId)
                .orElseThrow(() -> new IllegalStateException("projection did not record " + assetId));
        return new UploadOutcome(stored, request.setsCoordinates() ? readModel.analysis(assetId) : ResourceAnalysis.of(facts), false);
    }

    private DisplayName displayName(UploadRequest request, UploadNaming.Naming naming) {
        boolean taken = request.placement().uniqueDisplayName() && folderModes.dynamic(request.cloud())
                && readModel.displayNameTaken(request.cloud(), naming.assetFolder().value(), naming.displayName().value());
        return taken ? UploadNaming.unique(naming.displayName(), ids) : naming.displayName();
    }

    /** A new version that names a folder or display name (dynamic mode) moves or renames the asset as a new upload would. */
    private void placeNewVersion(UploadRequest request, UploadNaming.Naming naming, String assetId) {
        UploadPlacement placement = request.placement();
        if (!folderModes.dynamic(request.cloud()) || !placement.placesExplicitly()) {
            return;
        }
        if (placement.assetFolder() != null || placement.folder() != null) {
            commands.send(new MoveResource(AssetId.of(assetId), CloudName.of(request.cloud()), naming.assetFolder()));
        }
        if (placement.displayName() != null) {
            commands.send(new ChangeDisplayName(AssetId.of(assetId), CloudName.of(request.cloud()), naming.displayName()));
        }
    }

    private static ResourceType kindFor(ResourceType requested, ResourceType detected) {
        if (requested == null) {
            return detected;
        }
        if (requested == ResourceType.RAW || requested == detected) {
            return requested;
        }
        throw DarkroomException.badRequest(requested == ResourceType.IMAGE
                ? "Invalid image file" : "Invalid " + requested.wireName() + " file");
    }

    /** A raw file shows only its bytes: no dimensions or image analysis, its extension as format. */
    private static MediaFacts asRaw(MediaFacts facts) {
        String name = facts.originalFilename() == null ? "" : facts.originalFilename();
        return new MediaFacts(extensionOf(name), 0, 0, 0, facts.bytes(), facts.etag(), null, null, null, null,
                facts.originalFilename());
    }

    private static String extensionOf(String filename) {
        int dot = filename.lastIndexOf('.');
        String ext = dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        return ext.matches("[a-z0-9]{1,10}") ? ext : "";
    }

    private void deleteQuietly(String blobKey) {
        try {
            blobs.delete(blobKey);
        } catch (IOException ignored) {
            // an orphaned blob wastes space but cannot be reached: no event names it
        }
    }

}
