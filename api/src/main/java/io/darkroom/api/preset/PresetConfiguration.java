package io.darkroom.api.preset;

import io.darkroom.application.preset.PresetListingProjection;
import io.darkroom.application.preset.UploadPresets;
import io.darkroom.application.support.Commands;
import io.darkroom.application.support.CursorCodec;
import io.darkroom.application.support.IdGenerator;
import io.darkroom.infrastructure.preset.JdbcPresetCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Upload presets (the Admin API's {@code /upload_presets}) and their read model, which every upload naming one reads. */
@Configuration(proxyBeanMethods = false)
public class PresetConfiguration {
    @Bean
    JdbcPresetCatalog presetCatalog(JdbcTemplate jdbc) {
        return new JdbcPresetCatalog(jdbc);
    }

    @Bean
    PresetListingProjection presetListingProjection(JdbcPresetCatalog catalog) {
        return new PresetListingProjection(catalog);
    }

    @Bean
    UploadPresets uploadPresets(Commands commands, JdbcPresetCatalog catalog, CursorCodec cursors, IdGenerator ids) {
        return new UploadPresets(commands, catalog, cursors, ids);
    }
}
