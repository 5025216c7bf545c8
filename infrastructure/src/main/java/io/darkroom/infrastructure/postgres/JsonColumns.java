package io.darkroom.infrastructure.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.domain.resource.ColorShare;
import org.postgresql.util.PGobject;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions between JSONB columns and the values the read models hold (Jackson 2, Axon's line). */
public final class JsonColumns {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<ColorShare>> COLORS = new TypeReference<>() { };
    private static final TypeReference<List<List<Integer>>> REGIONS = new TypeReference<>() { };

    private JsonColumns() {
    }

    public static PGobject jsonb(Object value) {
        try {
            PGobject json = new PGobject();
            json.setType("jsonb");
            json.setValue(JSON.writeValueAsString(value));
            return json;
        } catch (JsonProcessingException | SQLException e) {
            throw new IllegalStateException("cannot write JSON column", e);
        }
    }

    public static Map<String, String> map(String json) {
        return read(json, MAP);
    }

    public static List<ColorShare> colors(String json) {
        return read(json, COLORS);
    }

    public static List<List<Integer>> regions(String json) {
        return read(json, REGIONS);
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read JSON column", e);
        }
    }
}
