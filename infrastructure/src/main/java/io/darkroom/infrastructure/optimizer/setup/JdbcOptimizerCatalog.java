package io.darkroom.infrastructure.optimizer.setup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.application.optimizer.setup.DeliveryProfileView;
import io.darkroom.application.optimizer.setup.MappingFunctionView;
import io.darkroom.application.optimizer.setup.MediaSourceView;
import io.darkroom.application.optimizer.setup.OptimizerCatalog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code mo_*}: upserts keyed by (cloud, id); a change keeps the row's creation time (lists are in creation order).
 * Every query names the cloud, so an id of another cloud is never found.
 */
public class JdbcOptimizerCatalog implements OptimizerCatalog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> CONFIG = new TypeReference<>() {
    };
    private static final RowMapper<MediaSourceView> SOURCE = (rs, n) -> new MediaSourceView(rs.getString("cloud"), rs.getString("id"),
            rs.getString("display_name"), rs.getString("uri_type"), config(rs.getString("config")));
    private static final RowMapper<MappingFunctionView> FUNCTION = (rs, n) -> new MappingFunctionView(rs.getString("id"),
            rs.getString("display_name"), rs.getString("code"), "custom");
    private static final RowMapper<DeliveryProfileView> PROFILE = (rs, n) -> new DeliveryProfileView(rs.getString("cloud"),
            rs.getString("id"), rs.getString("display_name"), rs.getString("path_prefix"), rs.getString("cname_id"),
            rs.getString("mapping_function_id"), rs.getString("default_transformation"), strings(rs.getArray("media_source_ids")),
            rs.getBoolean("enabled"));

    private final JdbcTemplate jdbc;

    public JdbcOptimizerCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void saveSource(MediaSourceView source, Instant createdAt) {
        jdbc.update("""
                INSERT INTO mo_media_source (cloud, id, display_name, uri_type, config, created_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (cloud, id) DO UPDATE SET display_name = EXCLUDED.display_name, uri_type = EXCLUDED.uri_type,
                    config = EXCLUDED.config""",
                source.cloud(), source.id(), source.displayName(), source.uriType(), json(source.config()), time(createdAt));
    }

    @Override
    public void deleteSource(String cloud, String id) {
        jdbc.update("DELETE FROM mo_media_source WHERE cloud = ? AND id = ?", cloud, id);
    }

    @Override
    public List<MediaSourceView> sources(String cloud) {
        return jdbc.query("SELECT * FROM mo_media_source WHERE cloud = ? ORDER BY created_at, id", SOURCE, cloud);
    }

    @Override
    public Optional<MediaSourceView> source(String cloud, String id) {
        return jdbc.query("SELECT * FROM mo_media_source WHERE cloud = ? AND id = ?", SOURCE, cloud, id).stream().findFirst();
    }

    @Override
    public void saveFunction(String cloud, MappingFunctionView function, Instant createdAt) {
        jdbc.update("""
                INSERT INTO mo_mapping_function (cloud, id, display_name, code, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (cloud, id) DO UPDATE SET display_name = EXCLUDED.display_name, code = EXCLUDED.code""",
                cloud, function.id(), function.displayName(), function.code(), time(createdAt));
    }

    @Override
    public void deleteFunction(String cloud, String id) {
        jdbc.update("DELETE FROM mo_mapping_function WHERE cloud = ? AND id = ?", cloud, id);
    }

    /** Whether any cloud has a mapping function of its own (the built-ins are not stored). */
    public boolean anyCustomFunction() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM mo_mapping_function)", Boolean.class));
    }

    @Override
    public List<MappingFunctionView> functions(String cloud) {
        return jdbc.query("SELECT * FROM mo_mapping_function WHERE cloud = ? ORDER BY created_at, id", FUNCTION, cloud);
    }

    @Override
    public Optional<MappingFunctionView> function(String cloud, String id) {
        return jdbc.query("SELECT * FROM mo_mapping_function WHERE cloud = ? AND id = ?", FUNCTION, cloud, id).stream().findFirst();
    }

    @Override
    public void saveProfile(DeliveryProfileView profile, Instant createdAt) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO mo_delivery_profile (cloud, id, display_name, cname_id, path_prefix, mapping_function_id,
                                                     default_transformation, media_source_ids, enabled, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (cloud, id) DO UPDATE SET display_name = EXCLUDED.display_name, cname_id = EXCLUDED.cname_id,
                        path_prefix = EXCLUDED.path_prefix, mapping_function_id = EXCLUDED.mapping_function_id,
                        default_transformation = EXCLUDED.default_transformation, media_source_ids = EXCLUDED.media_source_ids,
                        enabled = EXCLUDED.enabled""");
            statement.setString(1, profile.cloud());
            statement.setString(2, profile.id());
            statement.setString(3, profile.displayName());
            statement.setString(4, profile.cnameId());
            statement.setString(5, profile.pathPrefix());
            statement.setString(6, profile.mappingFunctionId());
            statement.setString(7, profile.defaultTransformation());
            statement.setArray(8, connection.createArrayOf("text", profile.mediaSourceIds().toArray()));
            statement.setBoolean(9, profile.enabled());
            statement.setTimestamp(10, time(createdAt));
            return statement;
        });
    }

    @Override
    public void deleteProfile(String cloud, String id) {
        jdbc.update("DELETE FROM mo_delivery_profile WHERE cloud = ? AND id = ?", cloud, id);
    }

    @Override
    public List<DeliveryProfileView> profiles(String cloud) {
        return jdbc.query("SELECT * FROM mo_delivery_profile WHERE cloud = ? ORDER BY created_at, id", PROFILE, cloud);
    }

    @Override
    public Optional<DeliveryProfileView> profile(String cloud, String id) {
        return jdbc.query("SELECT * FROM mo_delivery_profile WHERE cloud = ? AND id = ?", PROFILE, cloud, id).stream().findFirst();
    }

    @Override
    public List<DeliveryProfileView> enabledOn(String cloud, String cnameId) {
        return jdbc.query("""
                SELECT * FROM mo_delivery_profile WHERE cloud = ? AND cname_id = ? AND enabled
                ORDER BY length(coalesce(path_prefix, '')) DESC, created_at""", PROFILE, cloud, cnameId);
    }

    @Override
    public void clear() {
        jdbc.update("TRUNCATE mo_media_source, mo_mapping_function, mo_delivery_profile");
    }

    /** An update keeps the creation time: the insert's value is only used for a new row. */
    private static Timestamp time(Instant createdAt) {
        return Timestamp.from(createdAt == null ? Instant.EPOCH : createdAt);
    }

    private static String json(Map<String, Object> config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a config map is always JSON", e);
        }
    }

    private static Map<String, Object> config(String json) {
        try {
            return JSON.readValue(json, CONFIG);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("mo_media_source.config holds JSON", e);
        }
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
