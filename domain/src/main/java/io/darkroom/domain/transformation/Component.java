package io.darkroom.domain.transformation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * One component of a transformation chain: an optional condition ({@code if_...}), variable
 * definitions ({@code $name_value}) and parameters, each key at most once.
 *
 * @param condition  the text after {@code if_}, or null
 * @param variables  variable definitions by name ({@code $w}), sorted
 * @param parameters values by key, sorted by short key as the SDKs write them
 */
public record Component(String condition, SortedMap<String, String> variables, SortedMap<ParameterKey, String> parameters) {
    /** As the SDKs write it: condition first, then the variables, then the parameters, each sorted. */
    public String canonical() {
        List<String> pairs = new ArrayList<>();
        if (condition != null) {
            pairs.add("if_" + condition);
        }
        variables.forEach((name, value) -> pairs.add(name + "_" + value));
        parameters.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(ParameterKey::shortName)))
                .forEach(e -> pairs.add(e.getKey().shortName() + "_" + e.getValue()));
        return String.join(",", pairs);
    }

    /** Long names to values, numbers as numbers ({@code {"width":150,"crop":"fill"}}). */
    public Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        if (condition != null) {
            info.put("if", condition);
        }
        variables.forEach(info::put);
        parameters.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(ParameterKey::shortName)))
                .forEach(e -> info.put(e.getKey().longName(), number(e.getValue())));
        return info;
    }

    /** The value of {@code key}, or null. */
    public String get(ParameterKey key) {
        return parameters.get(key);
    }

    private static Object number(String value) {
        if (value.matches("-?\\d{1,18}")) {
            return Long.parseLong(value);
        }
        if (value.matches("-?\\d{1,10}\\.\\d{1,10}")) {
            return Double.parseDouble(value);
        }
        return value;
    }
}
