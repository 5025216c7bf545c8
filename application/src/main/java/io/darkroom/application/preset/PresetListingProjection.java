package io.darkroom.application.preset;

import io.darkroom.domain.preset.UploadPresetCreated;
import io.darkroom.domain.preset.UploadPresetDeleted;
import io.darkroom.domain.preset.UploadPresetUpdated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/** Keeps the upload presets read model, in the command's transaction and in a replay. Idempotent: each event holds a whole state. */
@ProcessingGroup(PresetListingProjection.PROCESSING_GROUP)
public class PresetListingProjection {
    public static final String PROCESSING_GROUP = "upload-presets";

    private final PresetCatalog catalog;

    public PresetListingProjection(PresetCatalog catalog) {
        this.catalog = catalog;
    }

    @EventHandler
    void on(UploadPresetCreated event) {
        catalog.save(new PresetView(event.cloud(), event.name(), event.unsigned(), event.disallowPublicId(), event.settings()));
    }

    @EventHandler
    void on(UploadPresetUpdated event) {
        catalog.save(new PresetView(event.cloud(), event.name(), event.unsigned(), event.disallowPublicId(), event.settings()));
    }

    @EventHandler
    void on(UploadPresetDeleted event) {
        catalog.delete(event.cloud(), event.name());
    }

    @ResetHandler
    void reset() {
        catalog.clear();
    }
}
