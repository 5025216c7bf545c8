package io.darkroom.application.resource.audit;

import io.darkroom.domain.resource.ResourceEvent;
import io.darkroom.domain.transformation.TransformationEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;

import java.time.temporal.ChronoUnit;

/**
 * Keeps the audit trail: one entry per resource or transformation event, with the event's metadata.
 * Transformation entries carry the transformation's id, {@code resource_type} and {@code type}
 * {@code transformation}, and its name as {@code public_id}.
 */
@ProcessingGroup(AuditProjection.PROCESSING_GROUP)
public class AuditProjection {
    public static final String PROCESSING_GROUP = "audit";

    private final AuditLog log;

    public AuditProjection(AuditLog log) {
        this.log = log;
    }

    @EventHandler
    void on(ResourceEvent event, EventMessage<?> message) {
        log.record(entryOf(event, message));
    }

    @EventHandler
    void on(TransformationEvent event, EventMessage<?> message) {
        log.record(new AuditEntry(message.getIdentifier(), event.cloud(), event.id(), event.getClass().getSimpleName(),
                message.getTimestamp().truncatedTo(ChronoUnit.MILLIS), actorOf(message), metadata(message, "requestId"),
                metadata(message, "clientAddress"), "transformation", "transformation", event.name(), EventChanges.of(event)));
    }

    /** Preset entries: the preset's id, {@code resource_type} and {@code type} upload_preset, its name as {@code public_id}. */
    @EventHandler
    void on(io.darkroom.domain.preset.UploadPresetEvent event, EventMessage<?> message) {
        log.record(new AuditEntry(message.getIdentifier(), event.cloud(), event.id(), event.getClass().getSimpleName(),
                message.getTimestamp().truncatedTo(ChronoUnit.MILLIS), actorOf(message), metadata(message, "requestId"),
                metadata(message, "clientAddress"), "upload_preset", "upload_preset", event.name(), EventChanges.of(event)));
    }

    /** Folder entries: the folder's id, {@code resource_type} and {@code type} folder, its path as {@code public_id}. */
    @EventHandler
    void on(io.darkroom.domain.folder.FolderEvent event, EventMessage<?> message) {
        java.util.Map<String, Object> changes = new java.util.LinkedHashMap<>();
        if (event instanceof io.darkroom.domain.folder.FolderRenameStarted e) {
            changes.put("to_folder", e.to());
        } else if (event instanceof io.darkroom.domain.folder.FolderRenamed e) {
            changes.put("to_folder", e.to());
        }
        log.record(new AuditEntry(message.getIdentifier(), event.cloud(), event.id(), event.getClass().getSimpleName(),
                message.getTimestamp().truncatedTo(ChronoUnit.MILLIS), actorOf(message), metadata(message, "requestId"),
                metadata(message, "clientAddress"), "folder", "folder", event.path(), changes));
    }

    /** Media Optimizer entries: the component's id, {@code resource_type} its kind, {@code type} media_optimizer, its name. */
    @EventHandler
    void on(io.darkroom.domain.optimizer.OptimizerEvent event, EventMessage<?> message) {
        log.record(new AuditEntry(message.getIdentifier(), event.cloud(), event.id(), event.getClass().getSimpleName(),
                message.getTimestamp().truncatedTo(ChronoUnit.MILLIS), actorOf(message), metadata(message, "requestId"),
                metadata(message, "clientAddress"), event.component(), "media_optimizer", event.displayName(), EventChanges.of(event)));
    }

    /** An invalidation asked for through the Media Optimizer API: the media's id, {@code resource_type} media, its key. */
    @EventHandler
    void on(io.darkroom.domain.optimizer.OptimizedMediaInvalidated event, EventMessage<?> message) {
        log.record(new AuditEntry(message.getIdentifier(), event.cloud(), event.mediaId(), event.getClass().getSimpleName(),
                message.getTimestamp().truncatedTo(ChronoUnit.MILLIS), actorOf(message), metadata(message, "requestId"),
                metadata(message, "clientAddress"), "media", "media_optimizer", event.mediaKey(),
                java.util.Map.of("derived_versions", event.variantIds().size())));
    }

    @ResetHandler
    void reset() {
        log.clear();
    }

    /** Times at the event store's precision (milliseconds), so live and replayed entries are equal. */
    static AuditEntry entryOf(ResourceEvent event, EventMessage<?> message) {
        return new AuditEntry(message.getIdentifier(), event.cloud(), event.assetId(), event.getClass().getSimpleName(),
                message.getTimestamp().truncatedTo(ChronoUnit.MILLIS), actorOf(message), metadata(message, "requestId"),
                metadata(message, "clientAddress"), event.resourceType(), event.type(), event.publicId(), EventChanges.of(event));
    }

    private static String actorOf(EventMessage<?> message) {
        String actor = metadata(message, "actor");
        return actor == null ? "system" : actor;
    }

    private static String metadata(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
