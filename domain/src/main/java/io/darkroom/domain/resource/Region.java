package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.InvalidValueException;

import java.util.List;

/** A rectangle in an image's pixels: top-left corner, width and height (face or custom coordinates). */
public record Region(int x, int y, int width, int height) {
    public Region {
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new InvalidValueException("Invalid coordinates " + x + "," + y + "," + width + "," + height
                    + ": x and y must be 0 or more, width and height more than 0");
        }
    }

    public List<Integer> asList() {
        return List.of(x, y, width, height);
    }
}
