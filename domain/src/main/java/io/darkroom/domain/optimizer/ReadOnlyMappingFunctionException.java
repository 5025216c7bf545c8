package io.darkroom.domain.optimizer;

/** A built-in mapping function was to be changed or deleted (the API answers 403). */
public class ReadOnlyMappingFunctionException extends RuntimeException {
    public ReadOnlyMappingFunctionException(String message) {
        super(message, null, false, false);
    }
}
