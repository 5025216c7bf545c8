package io.darkroom.application.derivation;

import java.util.List;

/** A resource's stored face and custom regions, in the pixels of the image they are followed through. */
public record Coordinates(List<Region> faces, List<Region> custom) {
    public static final Coordinates NONE = new Coordinates(List.of(), List.of());

    public Coordinates {
        faces = List.copyOf(faces);
        custom = List.copyOf(custom);
    }

    /** From the {@code [x, y, width, height]} lists the read model stores (null: none). */
    public static Coordinates of(List<List<Integer>> faces, List<List<Integer>> custom) {
        return new Coordinates(faces == null ? List.of() : faces.stream().map(Region::of).toList(),
                custom == null ? List.of() : custom.stream().map(Region::of).toList());
    }

    /** Where the regions are after {@code op} on a {@code width} x {@code height} image; regions an operation loses are dropped. */
    public Coordinates after(Layout.Op op, int width, int height) {
        return new Coordinates(map(faces, op, width, height), map(custom, op, width, height));
    }

    private static List<Region> map(List<Region> regions, Layout.Op op, int width, int height) {
        return regions.stream().map(r -> op.map(r, width, height)).filter(java.util.Objects::nonNull).toList();
    }
}
