package io.darkroom.domain.preset;

/** No live preset of that name in the caller's cloud (the API answers 404). */
public class UploadPresetNotFoundException extends RuntimeException {
    public UploadPresetNotFoundException(String name) {
        super("Upload preset " + name + " not found", null, false, false);
    }
}
