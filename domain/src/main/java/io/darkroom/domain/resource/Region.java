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
     * This region cut to an image of {@code imageWidth x imageHeight}, as Cloudinary does: the corner
     * is moved inside the image, width and height end at its edges. Unknown dimensions (0) keep it as is.
     */
    public Region clippedTo(int imageWidth, int imageHeight) {
        if (imageWidth <= 0 || imageHeight <= 0) {
            return this;
        }
        int clippedX = Math.min(x, imageWidth - 1);
        int clippedY = Math.min(y, imageHeight - 1);
        return new Region(clippedX, clippedY, Math.min(width, imageWidth - clippedX), Math.min(height, imageHeight - clippedY));
    }
}
