package io.darkroom.domain.preset;

/** A preset of that name exists already (the API answers 409). */
public class UploadPresetExistsException extends RuntimeException {
    public UploadPresetExistsException(String name) {
        super("Upload preset " + name + " already exists", null, false, false);
    }
}
