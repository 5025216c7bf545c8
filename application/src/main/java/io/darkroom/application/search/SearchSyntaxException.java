package io.darkroom.application.search;

/** An expression that cannot be read, or names what cannot be searched; the message says where (1-based position). */
public class SearchSyntaxException extends RuntimeException {
    private final int position;

    public SearchSyntaxException(String message, int position) {
        super(message + " (at position " + (position + 1) + ")");
        this.position = position;
    }

    public int position() {
        return position;
    }
}
