package io.darkroom.application.optimizer.mapping;

/** Port: runs custom mapping functions (JavaScript, sandboxed). */
public interface MappingEngine {
    /** The largest function Darkroom keeps, in characters. */
    int MAX_CODE_LENGTH = 64 * 1024;

    /** Compiles {@code code}, which must define {@code function map(request, environment)}; a 400 naming the line when it does not. */
    void compile(String code);

    /** Runs the function on one request; a {@link MappingFailure} saying what went wrong when it cannot give an answer. */
    MappingResult map(String code, MappingRequest request, MappingEnvironment environment);
}
