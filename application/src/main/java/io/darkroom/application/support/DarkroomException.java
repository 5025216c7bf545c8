package io.darkroom.application.support;

/**
 * A failure whose message is safe to show to the API caller, with the kind that decides the
 * HTTP status. Anything else that escapes a request is an internal error and is not shown.
 */
public class DarkroomException extends RuntimeException {
    public enum Kind { BAD_REQUEST, UNAUTHORIZED, NOT_ALLOWED, NOT_FOUND, ALREADY_EXISTS, RATE_LIMITED, LOCKED_OUT, UNAVAILABLE, NOT_IMPLEMENTED,
        BAD_GATEWAY }

    private final Kind kind;

    public DarkroomException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static DarkroomException badRequest(String message) {
        return new DarkroomException(Kind.BAD_REQUEST, message);
    }

    public static DarkroomException notFound(String message) {
        return new DarkroomException(Kind.NOT_FOUND, message);
    }
}
