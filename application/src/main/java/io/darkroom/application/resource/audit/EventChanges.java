package io.darkroom.application.resource.audit;

import io.darkroom.domain.resource.ResourceContextChanged;
import io.darkroom.domain.resource.ResourceCoordinatesChanged;
import io.darkroom.domain.resource.ResourceDeleted;
import io.darkroom.domain.resource.ResourceEvent;
import io.darkroom.domain.resource.ResourceModerated;
import io.darkroom.domain.resource.ResourceRenamed;
import io.darkroom.domain.resource.ResourceTagsChanged;
import io.darkroom.domain.resource.ResourceUploaded;
import io.darkroom.domain.resource.ResourceVersionUploaded;

import java.util.LinkedHashMap;
import java.util.Map;

/** What an event changed, in the API's words: the part of it a reader of the audit trail needs. */
public final class EventChanges {
    private EventChanges() {
    }

    /** What a transformation event changed: its definition and strict-mode permission (a delete changes nothing else). */
    public static Map<String, Object> of(io.darkroom.domain.transformation.TransformationEvent event) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (event instanceof io.darkroom.domain.transformation.TransformationCreated e) {
            changes.put("named", e.named());
            changes.put("transformation", e.definition());
            changes.put("allowed_for_strict", e.allowedForStrict());
        } else if (event instanceof io.darkroom.domain.transformation.TransformationUpdated e) {
            changes.put("transformation", e.definition());
            changes.put("allowed_for_strict", e.allowedForStrict());
        }
        return changes;
    }

    /** What a preset event changed: its whole new state (a delete: nothing). */
    public static Map<String, Object> of(io.darkroom.domain.preset.UploadPresetEvent event) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (event instanceof io.darkroom.domain.preset.UploadPresetCreated e) {
            preset(changes, e.unsigned(), e.disallowPublicId(), e.settings());
        } else if (event instanceof io.darkroom.domain.preset.UploadPresetUpdated e) {
            preset(changes, e.unsigned(), e.disallowPublicId(), e.settings());
        }
        return changes;
    }

    private static void preset(Map<String, Object> changes, boolean unsigned, boolean disallowPublicId, Map<String, String> settings) {
        changes.put("unsigned", unsigned);
        changes.put("disallow_public_id", disallowPublicId);
        changes.put("settings", new LinkedHashMap<>(settings));
    }

    /** What a Media Optimizer event changed: the component's new state, secrets shown as "encrypted" (a delete: nothing). */
    public static Map<String, Object> of(io.darkroom.domain.optimizer.OptimizerEvent event) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (event instanceof io.darkroom.domain.optimizer.MediaSourceCreated e) {
            source(changes, e.uriType(), e.config());
        } else if (event instanceof io.darkroom.domain.optimizer.MediaSourceUpdated e) {
            source(changes, e.uriType(), e.config());
        } else if (event instanceof io.darkroom.domain.optimizer.MappingFunctionCreated e) {
            changes.put("code", e.code());
        } else if (event instanceof io.darkroom.domain.optimizer.MappingFunctionUpdated e) {
            changes.put("code", e.code());
        } else if (event instanceof io.darkroom.domain.optimizer.DeliveryProfileCreated e) {
            profile(changes, e.cnameId(), e.pathPrefix(), e.mappingFunctionId(), e.defaultTransformation(), e.mediaSourceIds(), e.enabled());
        } else if (event instanceof io.darkroom.domain.optimizer.DeliveryProfileUpdated e) {
            profile(changes, e.cnameId(), e.pathPrefix(), e.mappingFunctionId(), e.defaultTransformation(), e.mediaSourceIds(), e.enabled());
        }
        if (!(event.getClass().getSimpleName().endsWith("Deleted"))) {
            changes.put("display_name", event.displayName());
        }
        return changes;
    }

    private static void source(Map<String, Object> changes, String uriType, Map<String, Object> config) {
        io.darkroom.domain.optimizer.UriType type = io.darkroom.domain.optimizer.UriType.of(uriType);
        Map<String, Object> shown = new LinkedHashMap<>();
        config.forEach((field, value) -> shown.put(field, type.isSecret(field) ? "encrypted" : value));
        changes.put("uri_type", uriType);
        changes.put("config", shown);
    }

    private static void profile(Map<String, Object> changes, String cnameId, String pathPrefix, String mappingFunctionId,
                                String defaultTransformation, java.util.List<String> mediaSourceIds, boolean enabled) {
        changes.put("cname_id", cnameId);
        changes.put("path_prefix", pathPrefix);
        changes.put("mapping_function_id", mappingFunctionId);
        changes.put("default_transformation", defaultTransformation);
        changes.put("media_source_ids", mediaSourceIds);
        changes.put("is_enabled", enabled);
    }

    public static Map<String, Object> of(ResourceEvent event) {
        Map<String, Object> changes = new LinkedHashMap<>();
        // Java 17: an instanceof chain over the sealed interface (pattern switch is newer)
        if (event instanceof ResourceUploaded e) {
            changes.put("version", e.version());
            changes.put("format", e.facts().format());
            changes.put("bytes", e.facts().bytes());
            changes.put("tags", e.tags());
            changes.put("context", e.context());
            changes.put("asset_folder", e.assetFolder());
            changes.put("display_name", e.displayName());
            if (e.moderationKind() != null) {
                changes.put("moderation", Map.of("kind", e.moderationKind(), "status", e.moderationStatus()));
            }
        } else if (event instanceof ResourceVersionUploaded e) {
            changes.put("version", e.version());
            changes.put("format", e.facts().format());
            changes.put("bytes", e.facts().bytes());
            changes.put("tags", e.tags());
            changes.put("context", e.context());
        } else if (event instanceof ResourceTagsChanged e) {
            changes.put("tags", e.tags());
            changes.put("added", e.added());
            changes.put("removed", e.removed());
        } else if (event instanceof ResourceContextChanged e) {
            changes.put("context", e.context());
        } else if (event instanceof ResourceCoordinatesChanged e) {
            changes.put("faces", e.faces());
            changes.put("custom_coordinates", e.custom());
        } else if (event instanceof ResourceModerated e) {
            changes.put("moderation", Map.of("kind", e.moderationKind(), "status", e.moderationStatus()));
        } else if (event instanceof ResourceRenamed e) {
            changes.put("from_public_id", e.fromPublicId());
            changes.put("to_public_id", e.publicId());
            changes.put("asset_folder", e.assetFolder());
        } else if (event instanceof io.darkroom.domain.resource.ResourceMoved e) {
            changes.put("from_asset_folder", e.fromAssetFolder());
            changes.put("to_asset_folder", e.assetFolder());
        } else if (event instanceof io.darkroom.domain.resource.ResourceDisplayNameChanged e) {
            changes.put("display_name", e.displayName());
        } else if (event instanceof ResourceDeleted e) {
            changes.put(e.trashed() ? "versions_trashed" : "versions_removed", e.versionIds().size());
        } else if (event instanceof io.darkroom.domain.resource.ResourceRestored e) {
            changes.put("version_id", e.versionId());
            changes.put("version", e.version());
            changes.put("from_trash", e.fromTrash());
            changes.put("bytes", e.facts().bytes());
        } else if (event instanceof io.darkroom.domain.resource.ResourceVersionsPurged e) {
            changes.put("version_ids", e.versionIds());
            changes.put("bytes", e.bytes());
            changes.put("expired", e.expired());
        } else if (event instanceof io.darkroom.domain.resource.ResourceDerived e) {
            changes.put("derived_id", e.derivedId());
            changes.put("transformation", e.transformation());
            changes.put("format", e.format());
            changes.put("bytes", e.bytes());
        } else if (event instanceof io.darkroom.domain.resource.ResourceDerivedDeleted e) {
            changes.put("derived_ids", e.derivedIds());
        }
        return changes;
    }
}
