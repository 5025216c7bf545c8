package io.darkroom.application.derivation;

import java.util.List;

/** A rectangle of an image in its pixels: a stored face or custom region, followed through a component's geometry. */
public record Region(double left, double top, double width, double height) {
    /** A region as stored: {@code [x, y, width, height]}. */
    public static Region of(List<Integer> stored) {
        return new Region(stored.get(0), stored.get(1), stored.get(2), stored.get(3));
    }

    /** The bounding box of {@code regions}, or null when there are none. */
    public static Region around(List<Region> regions) {
        if (regions == null || regions.isEmpty()) {
            return null;
        }
        double left = Double.MAX_VALUE;
        double top = Double.MAX_VALUE;
        double right = -Double.MAX_VALUE;
        double bottom = -Double.MAX_VALUE;
        for (Region r : regions) {
            left = Math.min(left, r.left);
            top = Math.min(top, r.top);
            right = Math.max(right, r.left + r.width);
            bottom = Math.max(bottom, r.top + r.height);
        }
        return new Region(left, top, right - left, bottom - top);
    }

    /** The largest of {@code regions} by area, or null. */
    public static Region largest(List<Region> regions) {
        if (regions == null || regions.isEmpty()) {
            return null;
        }
        return regions.stream().max(java.util.Comparator.comparingDouble(r -> r.width * r.height)).orElseThrow();
    }

    /** The region a gravity focuses on: faces, custom coordinates, or custom falling back to faces; null when it has none. */
    public static Region focusOf(Step.Gravity gravity, Coordinates coordinates) {
        List<Region> faces = coordinates.faces();
        Region customRegion = largest(coordinates.custom());
        return switch (gravity) {
            case FACE -> largest(faces);
            case FACES -> around(faces);
            case CUSTOM -> customRegion;
            case CUSTOM_FACE -> customRegion != null ? customRegion : largest(faces);
            case CUSTOM_FACES -> customRegion != null ? customRegion : around(faces);
            default -> null;
        };
    }

    double centerX() {
        return left + width / 2;
    }

    double centerY() {
        return top + height / 2;
    }

    Region scaled(double sx, double sy) {
        return new Region(left * sx, top * sy, width * sx, height * sy);
    }

    Region shifted(double dx, double dy) {
        return new Region(left + dx, top + dy, width, height);
    }
}
