package io.darkroom.domain.transformation;

/** No (live) transformation of that name in the caller's cloud (the API answers 404). */
public class TransformationNotFoundException extends RuntimeException {
    public TransformationNotFoundException(String name) {
        super("Transformation " + name + " not found", null, false, false);
    }
}
