package io.darkroom.api.resource.wire;

import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.resource.Region;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code x,y,w,h|x,y,w,h} (face or custom coordinates; the SDKs also send a JSON-like
 * {@code [[x,y,w,h],...]} list from arrays); an empty value clears them.
 */
public final class CoordinatesParameter {
    private CoordinatesParameter() {
    }

    public static List<Region> parse(String name, String value) {
        if (value == null) {
            return null;
        }
        value = value.strip();
        if (value.startsWith("[")) {
            value = value.replaceAll("\\]\\s*,\\s*\\[", "|").replaceAll("[\\[\\]\\s]", "");
        }
        List<Region> regions = new ArrayList<>();
        if (value.isBlank()) {
            return regions;
        }
        for (String part : value.split("\\|")) {
            String[] numbers = part.split(",");
            if (numbers.length != 4) {
                throw DarkroomException.badRequest("Invalid " + name + ": '" + part + "' must be x,y,width,height");
            }
            try {
                regions.add(new Region(Integer.parseInt(numbers[0].strip()), Integer.parseInt(numbers[1].strip()),
                        Integer.parseInt(numbers[2].strip()), Integer.parseInt(numbers[3].strip())));
            } catch (NumberFormatException e) {
                throw DarkroomException.badRequest("Invalid " + name + ": '" + part + "' must be four whole numbers");
            }
        }
        return regions;
    }
}
