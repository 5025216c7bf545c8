package io.darkroom.infrastructure.preset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.application.preset.PresetCatalog;
import io.darkroom.application.preset.PresetView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@code upload_preset}: upserts keyed by (cloud, name), settings as a JSON object, keyset pages in name order. */
public class JdbcPresetCatalog implements PresetCatalog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> SETTINGS = new TypeReference<>() {
    };
    private static final RowMapper<PresetView> VIEW = (rs, n) -> new PresetView(rs.getString("cloud"), rs.getString("name"),
            rs.getBoolean("unsigned"), rs.getBoolean("disallow_public_id"), read(rs.getString("settings")));

    private final JdbcTemplate jdbc;

    public JdbcPresetCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(PresetView view) {
        jdbc.update("""
                INSERT INTO upload_preset (cloud, name, unsigned, disallow_public_id, settings) VALUES (?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (cloud, name) DO UPDATE SET unsigned = excluded.unsigned,
                    disallow_public_id = excluded.disallow_public_id, settings = excluded.settings""",
                view.cloud(), view.name(), view.unsigned(), view.disallowPublicId(), write(view.settings()));
    }

    @Override
    public void delete(String cloud, String name) {
        jdbc.update("DELETE FROM upload_preset WHERE cloud = ? AND name = ?", cloud, name);
    }

    @Override
    public void clear() {
        jdbc.update("DELETE FROM upload_preset");
    }

    @Override
    public Optional<PresetView> find(String cloud, String name) {
        return jdbc.query("SELECT * FROM upload_preset WHERE cloud = ? AND name = ?", VIEW, cloud, name).stream().findFirst();
    }

    @Override
    public List<PresetView> list(String cloud, String afterName, int limit) {
        if (afterName == null) {
            return jdbc.query("SELECT * FROM upload_preset WHERE cloud = ? ORDER BY name LIMIT ?", VIEW, cloud, limit);
        }
        return jdbc.query("SELECT * FROM upload_preset WHERE cloud = ? AND name > ? ORDER BY name LIMIT ?", VIEW,
                cloud, afterName, limit);
    }

    private static String write(Map<String, String> settings) {
        try {
            return JSON.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    private static TreeMap<String, String> read(String json) {
        try {
            return JSON.readValue(json, SETTINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("upload_preset.settings is not a JSON object of strings", e);
        }
    }
}
