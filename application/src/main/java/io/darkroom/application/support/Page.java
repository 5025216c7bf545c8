package io.darkroom.application.support;

import java.util.List;

/** One page of results; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
}
