package io.darkroom.api.optimizer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.application.optimizer.setup.DeliveryProfileView;
import io.darkroom.application.optimizer.setup.MappingFunctionView;
import io.darkroom.application.optimizer.setup.MediaSourceView;
import io.darkroom.application.optimizer.setup.OptimizerDomain;
import io.darkroom.application.support.DarkroomException;

import java.util.LinkedHashMap;
import java.util.Map;

/** The Media Optimizer API's shapes, as its reference shows them. */
final class OptimizerJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OptimizerJson() {
    }

    static Map<String, Object> source(MediaSourceView source) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", source.id());
        json.put("display_name", source.displayName());
        json.put("uri_type", source.uriType());
        json.put("config", source.config());
        return json;
    }

    static Map<String, Object> function(MappingFunctionView function) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", function.id());
        json.put("display_name", function.displayName());
        json.put("code", function.code());
        json.put("template_type", function.templateType());
        return json;
    }

    static Map<String, Object> profile(DeliveryProfileView profile) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", profile.id());
        json.put("display_name", profile.displayName());
        json.put("path_prefix", profile.pathPrefix());
        json.put("cname_id", profile.cnameId());
        json.put("mapping_function_id", profile.mappingFunctionId());
        json.put("default_transformation", profile.defaultTransformation());
        json.put("media_source_ids", profile.mediaSourceIds());
        json.put("is_enabled", profile.enabled());
        return json;
    }

    static Map<String, Object> domain(OptimizerDomain domain) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", domain.id());
        json.put("domains", domain.domain());
        return json;
    }

    /** {@code config} as a JSON object (from a JSON body, or a form field holding JSON); null when absent. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> config(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(raw);
            if (node == null || !node.isObject()) {
                throw DarkroomException.badRequest("Invalid config: a JSON object");
            }
            return JSON.convertValue(node, LinkedHashMap.class);
        } catch (JsonProcessingException e) {
            throw DarkroomException.badRequest("Invalid config: a JSON object");
        }
    }

    static Map<String, Object> message(String message) {
        return Map.of("message", message);
    }
}
