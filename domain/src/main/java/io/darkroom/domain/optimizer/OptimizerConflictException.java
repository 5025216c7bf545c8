package io.darkroom.domain.optimizer;

/** A change that would break a rule between components: deleting one in use, or claiming a taken domain and path (409). */
public class OptimizerConflictException extends RuntimeException {
    public OptimizerConflictException(String message) {
        super(message, null, false, false);
    }
}
