package io.darkroom.application.resource.audit;

import io.darkroom.domain.resource.MediaFacts;
import io.darkroom.domain.resource.ResourceContextChanged;
import io.darkroom.domain.resource.ResourceDeleted;
import io.darkroom.domain.resource.ResourceDisplayNameChanged;
import io.darkroom.domain.resource.ResourceEvent;
import io.darkroom.domain.resource.ResourceModerated;
import io.darkroom.domain.resource.ResourceMoved;
import io.darkroom.domain.resource.ResourceRenamed;
import io.darkroom.domain.resource.ResourceRestored;
import io.darkroom.domain.resource.ResourceTagsChanged;
import io.darkroom.domain.resource.ResourceUploaded;
import io.darkroom.domain.resource.ResourceVersionUploaded;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An asset as it was at a past instant: its events up to then folded into what resource details show (name, folder,
 * display name, current version and its facts, tags, context, moderation) and whether it was live, in the trash or
 * deleted. Nothing is stored for this: the event store is the history.
 */
public final class AssetAsOf {
    private final Map<String, Object> state = new LinkedHashMap<>();

    /** Folds the events (oldest first, each with its time) up to and including {@code instant}. */
    public static Map<String, Object> fold(List<Map.Entry<Instant, ResourceEvent>> events, Instant instant) {
        AssetAsOf asOf = new AssetAsOf();
        for (Map.Entry<Instant, ResourceEvent> event : events) {
            if (event.getKey().isAfter(instant)) {
                break;
            }
            asOf.apply(event.getValue(), event.getKey());
        }
        return asOf.state.isEmpty() ? Map.of() : asOf.state;
    }

    private void apply(ResourceEvent event, Instant at) {
        state.put("asset_id", event.assetId());
        state.put("public_id", event.publicId());
        state.put("resource_type", event.resourceType());
        state.put("type", event.type());
        if (event instanceof ResourceUploaded e) {
            version(e.versionId(), e.version(), e.facts(), at);
            state.put("tags", e.tags());
            state.put("context", e.context());
            state.put("asset_folder", e.assetFolder());
            state.put("display_name", e.displayName());
            state.put("moderation_status", e.moderationStatus());
            state.put("status", "active");
        } else if (event instanceof ResourceVersionUploaded e) {
            version(e.versionId(), e.version(), e.facts(), at);
            state.put("tags", e.tags());
            state.put("context", e.context());
        } else if (event instanceof ResourceRestored e) {
            version(e.versionId(), e.version(), e.facts(), at);
            state.put("status", "active");
        } else if (event instanceof ResourceTagsChanged e) {
            state.put("tags", e.tags());
        } else if (event instanceof ResourceContextChanged e) {
            state.put("context", e.context());
        } else if (event instanceof ResourceModerated e) {
            state.put("moderation_status", e.moderationStatus());
        } else if (event instanceof ResourceRenamed e) {
            state.put("asset_folder", e.assetFolder());
        } else if (event instanceof ResourceMoved e) {
            state.put("asset_folder", e.assetFolder());
        } else if (event instanceof ResourceDisplayNameChanged e) {
            state.put("display_name", e.displayName());
        } else if (event instanceof ResourceDeleted e) {
            state.put("status", e.trashed() ? "trashed" : "deleted");
        }
    }

    private void version(String versionId, long version, MediaFacts facts, Instant at) {
        state.put("version", version);
        state.put("version_id", versionId);
        state.put("format", facts.format());
        state.put("bytes", facts.bytes());
        state.put("width", facts.width());
        state.put("height", facts.height());
        state.put("created_at", at);
    }
}
