package io.darkroom.infrastructure.optimizer.mapping;

import io.darkroom.application.optimizer.mapping.MappingEnvironment;
import io.darkroom.application.optimizer.mapping.MappingFailure;
import io.darkroom.application.optimizer.mapping.MappingRequest;
import io.darkroom.application.optimizer.mapping.MappingResult;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What crosses the sandbox's boundary: the request and environment as the function sees them, and its answer read back. */
final class GuestValues {
    private static final List<String> FIELDS = List.of("fwd_key", "media_key", "transformation", "resource_type");

    private GuestValues() {
    }

    /** The request as the function sees it: fresh objects per call (a function may change them; nothing else sees that). */
    static ProxyObject request(MappingRequest request) {
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("path", request.path());
        req.put("query", ProxyObject.fromMap(new LinkedHashMap<>(request.query())));
        req.put("headers", ProxyObject.fromMap(new LinkedHashMap<>(request.headers())));
        req.put("host", request.host());
        return ProxyObject.fromMap(req);
    }

    static ProxyObject environment(MappingEnvironment environment) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("pathPrefix", environment.pathPrefix() == null ? "" : environment.pathPrefix());
        env.put("defaultTransformation", environment.defaultTransformation() == null ? "" : environment.defaultTransformation());
        env.put("cloudName", environment.cloudName());
        env.put("deliveryProfileId", environment.profileId());
        return ProxyObject.fromMap(env);
    }

    /** The answer's four fields as strings (read inside the deadline: a getter is guest code too), or why not. */
    static MappingResult result(Value answer) {
        if (answer == null || answer.isNull() || !answer.hasMembers() || answer.canExecute()) {
            throw new MappingFailure("map returned " + describe(answer) + ", not an object");
        }
        Value then = answer.getMember("then");
        if (then != null && then.canExecute()) {
            throw new MappingFailure("map returned a Promise: it must return the object itself");
        }
        String[] values = new String[FIELDS.size()];
        for (int i = 0; i < values.length; i++) {
            Value value = answer.getMember(FIELDS.get(i));
            if (value == null || value.isNull() || !(value.isString() || value.isNumber() || value.isBoolean())) {
                throw new MappingFailure("map returned no string " + FIELDS.get(i));
            }
            values[i] = value.isString() ? value.asString() : value.toString();
        }
        return new MappingResult(values[0], values[1], values[2], values[3]);
    }

    private static String describe(Value value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isString()) {
            return "a string";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        return value.canExecute() ? "a function" : "a value";
    }
}
