package io.darkroom.domain.resource;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One asset and its versions. Its identity is the immutable asset id; the public id is a
 * name claimed outside the aggregate (uniqueness spans aggregates), so commands that take or
 * free a name reach here only inside the transaction that claims or frees it. A change that
 * changes nothing records nothing. A deleted resource, or one of another cloud, is not found.
 */
@Revision("5") // of the snapshot's shape: the fields below; change it with them
public class Resource {
    @AggregateIdentifier
    private String assetId;
    private String cloud;
    private String resourceType;
    private String type;
    private String publicId;
    private String assetFolder;
    private String displayName;
    private long version;
    private List<String> tags;
    private Map<String, String> context;
    private String moderationKind;
    private String moderationStatus;
    private List<List<Integer>> faces = List.of();
    private List<List<Integer>> custom = List.of();
    private int width;
    private int height;
    private final VersionHistory versions = new VersionHistory();
    /** Derived id to the blob key of its bytes. */
    private final Map<String, String> derived = new java.util.HashMap<>();
    private boolean deleted;
    /** When it went to the trash; null while live, or when its bytes went at once. */
    private Instant trashedAt;

    protected Resource() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public Resource(UploadResource command) {
        Moderation moderation = command.moderation();
        apply(new ResourceUploaded(command.assetId().value(), command.cloud().value(),
                command.resourceType().wireName(), command.type().wireName(), command.publicId().value(),
                command.versionId(), VersionPolicy.next(0, command.uploadedAt()), command.facts(),
                command.labels().tags(), command.labels().context(),
                moderation == null ? null : moderation.kind(), moderation == null ? null : moderation.status(),
                command.uploadedAt(), command.assetFolder().value(), command.displayName().value()));
    }

    @CommandHandler
    public long handle(UploadNewVersion command) {
        requireVisibleTo(command.cloud().value());
        Labels labels = command.labels() == null ? new Labels(tags, context) : command.labels();
        long nextVersion = VersionPolicy.next(version, command.uploadedAt());
        apply(new ResourceVersionUploaded(assetId, cloud, resourceType, type, publicId, command.versionId(),
                nextVersion, command.facts(), labels.tags(), labels.context(), command.uploadedAt()));
        return nextVersion;
    }

    @CommandHandler
    public void handle(ChangeTags command) {
        requireVisibleTo(command.cloud().value());
        List<String> next = TagRules.apply(tags, command.operation(), command.tags());
        if (!next.equals(tags)) {
            apply(new ResourceTagsChanged(assetId, cloud, resourceType, type, publicId, next,
                    next.stream().filter(t -> !tags.contains(t)).toList(),
                    tags.stream().filter(t -> !next.contains(t)).toList()));
        }
    }

    @CommandHandler
    public void handle(ChangeContext command) {
        requireVisibleTo(command.cloud().value());
        Map<String, String> next = ContextRules.apply(context, command.operation(), command.context());
        if (!next.equals(context)) {
            apply(new ResourceContextChanged(assetId, cloud, resourceType, type, publicId, next));
        }
    }

    @CommandHandler
    public void handle(SetCoordinates command) {
        requireVisibleTo(command.cloud().value());
        List<List<Integer>> nextFaces = command.faces() == null ? faces : clipped(command.faces());
        List<List<Integer>> nextCustom = command.custom() == null ? custom : clipped(command.custom());
        if (!nextFaces.equals(faces) || !nextCustom.equals(custom)) {
            apply(new ResourceCoordinatesChanged(assetId, cloud, resourceType, type, publicId, nextFaces, nextCustom));
        }
    }

    @CommandHandler
    public void handle(Moderate command) {
        requireVisibleTo(command.cloud().value());
        Moderation next = new Moderation(moderationKind == null ? "manual" : moderationKind, command.status());
        if (!next.status().equals(moderationStatus) || moderationKind == null) {
            apply(new ResourceModerated(assetId, cloud, resourceType, type, publicId, next.kind(), next.status()));
        }
    }

    @CommandHandler
    public void handle(MoveResource command) {
        requireVisibleTo(command.cloud().value());
        if (!command.to().value().equals(assetFolder)) {
            apply(new ResourceMoved(assetId, cloud, resourceType, type, publicId, command.to().value(), assetFolder));
        }
    }

    @CommandHandler
    public void handle(ChangeDisplayName command) {
        requireVisibleTo(command.cloud().value());
        if (!command.to().value().equals(displayName)) {
            apply(new ResourceDisplayNameChanged(assetId, cloud, resourceType, type, publicId, command.to().value()));
        }
    }

    @CommandHandler
    public void handle(RenameResource command) {
        requireVisibleTo(command.cloud().value());
        if (!command.to().value().equals(publicId)) {
            String folderAfter = command.assetFolder() == null ? assetFolder : command.assetFolder().value();
            apply(new ResourceRenamed(assetId, cloud, resourceType, type, command.to().value(), publicId, folderAfter));
        }
    }

    /** A derived file of an older version, or one recorded already (another node raced), records nothing. */
    @CommandHandler
    public void handle(RecordDerivedResource command) {
        requireVisibleTo(command.cloud().value());
        boolean current = command.versionId().equals(versions.current());
        if (current && !derived.containsKey(command.derivedId())) {
            apply(new ResourceDerived(assetId, cloud, resourceType, type, publicId, command.derivedId(), command.versionId(),
                    command.transformation(), command.format(), command.bytes(), command.width(), command.height(),
                    command.blobKey()));
        }
    }

    @CommandHandler
    public List<String> handle(DeleteDerivedResources command) {
        requireVisibleTo(command.cloud().value());
        List<String> ids = command.derivedIds().stream().distinct().filter(derived::containsKey).toList();
        if (!ids.isEmpty()) {
            apply(new ResourceDerivedDeleted(assetId, cloud, resourceType, type, publicId, ids,
                    ids.stream().map(derived::get).toList()));
        }
        return ids;
    }

    @CommandHandler
    public void handle(DeleteResource command) {
        requireVisibleTo(command.cloud().value());
        apply(new ResourceDeleted(assetId, cloud, resourceType, type, publicId, versions.kept(), command.keepBytes(),
                command.deletedAt()));
    }

    /** Out of the trash (while its retention lasts), or an older kept version made current again. */
    @CommandHandler
    public Long handle(RestoreResource command) {
        requireOf(command.cloud().value());
        String versionId = command.versionId();
        if (deleted && (trashedAt == null || trashedAt.isBefore(command.keptSince()))) {
            throw new RestoreRefusedException("The backup of " + publicId
                    + " is gone: its trash retention has passed (deleted " + (trashedAt == null ? "with its bytes" : trashedAt) + ")");
        }
        if (!versions.kept(versionId)) {
            throw new RestoreRefusedException(versions.knows(versionId)
                    ? "The backup of version " + versionId + " of " + publicId + " was deleted"
                    : "No backup found for version " + versionId + " of " + publicId);
        }
        if (!deleted && versionId.equals(versions.current())) {
            return null;
        }
        long nextVersion = VersionPolicy.next(version, command.restoredAt());
        apply(new ResourceRestored(assetId, cloud, resourceType, type, publicId, versionId, nextVersion, command.facts(),
                tags, context, moderationKind, moderationStatus, assetFolder, displayName, faces, custom,
                command.restoredAt(), deleted));
        return nextVersion;
    }

    @CommandHandler
    public Map<String, PurgeOutcome> handle(PurgeVersions command) {
        requireOf(command.cloud().value());
        Map<String, PurgeOutcome> outcomes = new java.util.LinkedHashMap<>();
        List<String> named = command.versionIds() == null
                ? (deleted ? versions.kept() : List.of()) : command.versionIds().stream().distinct().toList();
        for (String versionId : named) {
            outcomes.put(versionId, !versions.knows(versionId) ? PurgeOutcome.UNKNOWN
                    : !versions.kept(versionId) ? PurgeOutcome.ALREADY_PURGED
                    : !deleted && versionId.equals(versions.current()) ? PurgeOutcome.CURRENT : PurgeOutcome.PURGED);
        }
        List<String> purged = outcomes.entrySet().stream().filter(e -> e.getValue() == PurgeOutcome.PURGED)
                .map(Map.Entry::getKey).toList();
        if (!purged.isEmpty()) {
            apply(new ResourceVersionsPurged(assetId, cloud, resourceType, type, publicId, purged, versions.bytesOf(purged),
                    command.expired()));
        }
        return outcomes;
    }

    private List<List<Integer>> clipped(List<Region> regions) {
        return regions.stream().map(region -> region.clippedTo(width, height).asList()).toList();
    }

    private void requireVisibleTo(String callerCloud) {
        requireOf(callerCloud);
        if (deleted) {
            throw new ResourceNotFoundException(publicId);
        }
    }

    /** Another cloud's asset is not found, exactly like a missing one. */
    private void requireOf(String callerCloud) {
        if (!cloud.equals(callerCloud)) {
            throw new ResourceNotFoundException(assetId);
        }
    }

    @EventSourcingHandler
    void on(ResourceUploaded event) {
        assetId = event.assetId();
        cloud = event.cloud();
        resourceType = event.resourceType();
        type = event.type();
        publicId = event.publicId();
        assetFolder = event.assetFolder();
        displayName = event.displayName();
        version = event.version();
        tags = event.tags();
        context = event.context();
        moderationKind = event.moderationKind();
        moderationStatus = event.moderationStatus();
        versions.added(event.versionId(), event.facts().bytes());
        width = event.facts().width();
        height = event.facts().height();
    }

    @EventSourcingHandler
    void on(ResourceVersionUploaded event) {
        version = event.version();
        tags = event.tags();
        context = event.context();
        versions.added(event.versionId(), event.facts().bytes());
        width = event.facts().width();
        height = event.facts().height();
    }

    @EventSourcingHandler
    void on(ResourceTagsChanged event) {
        tags = event.tags();
    }

    @EventSourcingHandler
    void on(ResourceContextChanged event) {
        context = event.context();
    }

    @EventSourcingHandler
    void on(ResourceCoordinatesChanged event) {
        faces = event.faces();
        custom = event.custom();
    }

    @EventSourcingHandler
    void on(ResourceModerated event) {
        moderationKind = event.moderationKind();
        moderationStatus = event.moderationStatus();
    }

    @EventSourcingHandler
    void on(ResourceRenamed event) {
        publicId = event.publicId();
        assetFolder = event.assetFolder();
    }

    @EventSourcingHandler
    void on(ResourceMoved event) {
        assetFolder = event.assetFolder();
    }

    @EventSourcingHandler
    void on(ResourceDisplayNameChanged event) {
        displayName = event.displayName();
    }

    @EventSourcingHandler
    void on(ResourceDerived event) {
        derived.put(event.derivedId(), event.blobKey());
    }

    @EventSourcingHandler
    void on(ResourceDerivedDeleted event) {
        event.derivedIds().forEach(derived::remove);
    }

    @EventSourcingHandler
    void on(ResourceDeleted event) {
        deleted = true;
        trashedAt = event.trashed() ? event.deletedAt() : null;
        if (!event.trashed()) {
            versions.purged(event.versionIds());
        }
        // the derived files went with it (their projection queued their bytes); a restore derives them again
        derived.clear();
    }

    @EventSourcingHandler
    void on(ResourceRestored event) {
        deleted = false;
        trashedAt = null;
        version = event.version();
        versions.madeCurrent(event.versionId());
        width = event.facts().width();
        height = event.facts().height();
    }

    @EventSourcingHandler
    void on(ResourceVersionsPurged event) {
        versions.purged(event.versionIds());
    }
}
