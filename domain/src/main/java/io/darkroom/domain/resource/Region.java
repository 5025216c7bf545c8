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

    /**
     * This region limited to an image of {@code imageWidth x imageHeight} as Cloudinary does: the corner is moved
     * inside the image and the width and height are each at most the image's (the official Node SDK's test "should allow
     * sending face coordinates": {@code 120,30,109,150} on its 241x51 logo is {@code 120,30,109,51}). A region may so
     * reach past the right or bottom edge; derivations cut it there. Unknown dimensions (0) keep it as is.
     */
    public Region clippedTo(int imageWidth, int imageHeight) {
        if (imageWidth <= 0 || imageHeight <= 0) {
            return this;
        }
        int clippedX = Math.min(x, imageWidth - 1);
        int clippedY = Math.min(y, imageHeight - 1);
        return new Region(clippedX, clippedY, Math.min(width, imageWidth), Math.min(height, imageHeight));
    }
}
