package io.darkroom.domain.optimizer;

/** No such media source, mapping function or delivery profile in the caller's cloud (the API answers 404). */
public class OptimizerNotFoundException extends RuntimeException {
    public OptimizerNotFoundException(String message) {
        super(message, null, false, false);
    }
}
