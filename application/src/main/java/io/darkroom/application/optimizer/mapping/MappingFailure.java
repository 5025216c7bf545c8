package io.darkroom.application.optimizer.mapping;

/** A mapping function gave no usable answer: it threw, ran out of time, returned a Promise or a bad shape. Safe to show. */
public class MappingFailure extends RuntimeException {
    public MappingFailure(String message) {
        super(message, null, false, false);
    }
}
