package io.darkroom.api.resource.restore;

import io.darkroom.api.config.DarkroomProperties;
import io.darkroom.api.resource.ResourceConfiguration;
import io.darkroom.application.cloud.TrashRetention;
import io.darkroom.application.resource.restore.BackupRemoval;
import io.darkroom.application.resource.restore.ResourceRestorer;
import io.darkroom.application.resource.restore.TrashListing;
import io.darkroom.application.resource.restore.TrashSweeper;
import io.darkroom.application.resource.restore.VersionProjection;
import io.darkroom.application.support.AggregatePrefetch;
import io.darkroom.application.support.Commands;
import io.darkroom.infrastructure.resource.JdbcPublicIdClaims;
import io.darkroom.infrastructure.resource.JdbcResourceCatalog;
import io.darkroom.infrastructure.resource.restore.JdbcVersionCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Versions, the trash and restores: the versions read model, the restorer, backup removal and the trash sweeper. */
@Configuration(proxyBeanMethods = false)
public class RestoreConfiguration {
    @Bean
    TrashRetention trashRetention(DarkroomProperties properties) {
        Duration fallback = checked(properties.trashRetention() == null ? TrashRetention.DEFAULT : properties.trashRetention(),
                "DARKROOM_TRASH_RETENTION");
        Map<String, Duration> byCloud = new HashMap<>();
        for (int i = 0; i < properties.clouds().size(); i++) {
            DarkroomProperties.CloudEntry entry = properties.clouds().get(i);
            if (entry != null && entry.url() != null && entry.trashRetention() != null) {
                byCloud.put(entry.cloudName(), checked(entry.trashRetention(), "DARKROOM_CLOUDS_" + i + "_TRASH_RETENTION"));
            }
        }
        return new TrashRetention(fallback, byCloud);
    }

    private static Duration checked(Duration retention, String setting) {
        if (retention.isNegative()) {
            throw new IllegalArgumentException(setting + " must be 0 (no trash) or a positive duration such as 30d, not " + retention);
        }
        return retention;
    }

    @Bean
    JdbcVersionCatalog versionCatalog(JdbcTemplate jdbc) {
        return new JdbcVersionCatalog(jdbc);
    }

    @Bean
    VersionProjection versionProjection(JdbcVersionCatalog catalog) {
        return new VersionProjection(catalog);
    }

    /** Restores run their batches on one thread per core (plus one), carrying the request's metadata. */
    @Bean
    ResourceRestorer resourceRestorer(JdbcPublicIdClaims claims, JdbcResourceCatalog readModel, JdbcVersionCatalog versions,
                                      Commands commands, AggregatePrefetch prefetch, TrashRetention retention, Clock clock) {
        return new ResourceRestorer(claims, readModel, versions, commands, prefetch, retention, clock,
                ResourceConfiguration.bulkWorkers("bulk-restore"));
    }

    @Bean
    TrashListing trashListing(JdbcVersionCatalog versions, io.darkroom.application.support.CursorCodec cursors) {
        return new TrashListing(versions, cursors);
    }

    @Bean
    VersionsJson versionsJson(JdbcVersionCatalog versions, Clock clock) {
        return new VersionsJson(versions, clock);
    }

    @Bean
    BackupRemoval backupRemoval(JdbcVersionCatalog versions, Commands commands) {
        return new BackupRemoval(versions, commands);
    }

    @Bean
    TrashSweeper trashSweeper(JdbcVersionCatalog versions, Commands commands, TrashRetention retention, Clock clock,
                              AggregatePrefetch prefetch) {
        return new TrashSweeper(versions, commands, retention, clock, prefetch);
    }
}
