package org.dreamdiary.domain.attachment;

import org.dreamdiary.domain.error.InvalidValueException;

/** An image's width and height in pixels, as its own header states them. */
public record ImageSize(int width, int height) {
    public ImageSize {
        if (width < 1 || height < 1) {
            throw new InvalidValueException("an image is at least one pixel wide and high");
        }
    }
}
