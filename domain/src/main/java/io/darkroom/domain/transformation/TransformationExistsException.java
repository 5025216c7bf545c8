package io.darkroom.domain.transformation;

/** A transformation of that name exists already (the API answers 409). */
public class TransformationExistsException extends RuntimeException {
    public TransformationExistsException(String name) {
        super("Transformation " + name + " already exists", null, false, false);
    }
}
