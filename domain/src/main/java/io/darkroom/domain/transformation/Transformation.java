package io.darkroom.domain.transformation;

import io.darkroom.domain.cloud.InvalidValueException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A transformation: components joined by {@code /}, applied in order. {@link #parse} accepts what
 * the SDKs write and throws only {@link InvalidValueException} (a 400 naming the component) on any
 * other input. Two strings that differ only in the order of a component's pairs are one
 * transformation: {@link #canonical()} is its name. A last component without {@code _} is the
 * format extension of the result ({@code c_fill,h_75,w_75/jpg}).
 *
 * @param extension the trailing format extension, or null
 */
public record Transformation(List<Component> components, String extension) {
    private static final java.util.regex.Pattern EXTENSION = java.util.regex.Pattern.compile("[a-z0-9]{2,5}");

    /** Longest transformation string accepted (Cloudinary's URLs stay well below it). */
    public static final int MAX_LENGTH = 4096;
    private static final int MAX_COMPONENTS = 64;

    public Transformation {
        components = List.copyOf(components);
    }

    public Transformation(List<Component> components) {
        this(components, null);
    }

    public static Transformation parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("Missing transformation");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidValueException("Transformation is longer than " + MAX_LENGTH + " characters");
        }
        String[] parts = text.split("/", -1);
        if (parts.length > MAX_COMPONENTS) {
            throw new InvalidValueException("Transformation has more than " + MAX_COMPONENTS + " components");
        }
        String extension = null;
        int count = parts.length;
        if (count > 1 && parts[count - 1].indexOf('_') < 0 && EXTENSION.matcher(parts[count - 1]).matches()) {
            extension = parts[--count];
        }
        List<Component> components = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            components.add(component(parts[i]));
        }
        return new Transformation(components, extension);
    }

    /** Transformations joined by {@code |}, as the SDKs send a list ({@code eager}, {@code transformations}). */
    public static List<Transformation> parseList(String joined) {
        List<Transformation> list = new ArrayList<>();
        for (String one : joined.split("\\|")) {
            if (!one.isBlank()) {
                list.add(parse(one));
            }
        }
        return List.copyOf(list);
    }

    private static Component component(String text) {
        if (text.isEmpty()) {
            throw invalid(text, "a component is empty (two '/' in a row, or one at an end)");
        }
        String condition = null;
        SortedMap<String, String> variables = new TreeMap<>();
        Map<ParameterKey, String> parameters = new EnumMap<>(ParameterKey.class);
        for (String pair : text.split(",", -1)) {
            int underscore = pair.indexOf('_');
            if (underscore <= 0 || underscore == pair.length() - 1) {
                throw invalid(text, "'" + pair + "' is not key_value");
            }
            String key = pair.substring(0, underscore);
            String value = pair.substring(underscore + 1);
            if (key.equals("if")) {
                if (condition != null) {
                    throw invalid(text, "more than one condition");
                }
                if (!ValueShapes.CONDITION.matcher(value).matches()) {
                    throw invalid(text, "invalid condition " + value);
                }
                condition = value;
            } else if (key.startsWith("$")) {
                if (!ValueShapes.VARIABLE_NAME.matcher(key).matches() || !ValueShapes.VARIABLE_VALUE.matcher(value).matches()) {
                    throw invalid(text, "invalid variable " + pair);
                }
                if (variables.put(key, value) != null) {
                    throw invalid(text, "variable " + key + " is defined twice");
                }
            } else {
                ParameterKey parameter = ParameterKey.of(key).orElseThrow(() -> invalid(text, "unknown parameter " + key));
                if (!parameter.accepts(value)) {
                    throw invalid(text, "invalid " + parameter.longName() + " value " + value);
                }
                if (parameters.put(parameter, value) != null) {
                    throw invalid(text, parameter.longName() + " is given twice");
                }
            }
        }
        SortedMap<ParameterKey, String> sorted = new TreeMap<>(java.util.Comparator.comparing(ParameterKey::shortName));
        sorted.putAll(parameters);
        return new Component(condition, Collections.unmodifiableSortedMap(variables), Collections.unmodifiableSortedMap(sorted));
    }

    /**
     * Whether {@code text} is written as parameters (every pair's key is a known key, a condition or a
     * variable), however wrong its values: such a text is never a transformation's name.
     */
    public static boolean looksLikeParameters(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        String[] components = text.split("/", -1);
        int count = components.length;
        if (count > 1 && EXTENSION.matcher(components[count - 1]).matches()) {
            count--;
        }
        for (int i = 0; i < count; i++) {
            for (String pair : components[i].split(",", -1)) {
                int underscore = pair.indexOf('_');
                if (underscore <= 0) {
                    return false;
                }
                String key = pair.substring(0, underscore);
                if (!key.equals("if") && !key.startsWith("$") && ParameterKey.of(key).isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The name of this transformation: each component in the SDKs' order, joined by {@code /}. */
    public String canonical() {
        return extension == null ? chain() : chain() + "/" + extension;
    }

    /** The components' canonical form without the format extension: how derived files record the transformation. */
    public String chain() {
        return String.join("/", components.stream().map(Component::canonical).toList());
    }

    /** Each component with long names, as transformation details show it. */
    public List<Map<String, Object>> info() {
        List<Map<String, Object>> info = new ArrayList<>(components.stream().map(Component::info).toList());
        if (extension != null) {
            info.add(Map.of("extension", extension));
        }
        return info;
    }

    /** Names of the named transformations it refers to ({@code t_a.b}), in order of appearance. */
    public Set<String> namedReferences() {
        Set<String> names = new LinkedHashSet<>();
        for (Component component : components) {
            String named = component.get(ParameterKey.TRANSFORMATION);
            if (named != null) {
                names.addAll(List.of(named.split("\\.")));
            }
        }
        return names;
    }

    @Override
    public String toString() {
        return canonical();
    }

    private static InvalidValueException invalid(String component, String why) {
        String shown = component.length() > 100 ? component.substring(0, 100) + "..." : component;
        return new InvalidValueException("Invalid transformation component '" + shown + "': " + why);
    }
}
