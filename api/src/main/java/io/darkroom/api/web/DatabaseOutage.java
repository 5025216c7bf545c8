package io.darkroom.api.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Map;

/**
 * Tells whether a failure came from PostgreSQL being unreachable (the configuration supplies
 * the infrastructure's classifier). Such a request is answered 503 with {@code Retry-After},
 * not 500: nothing was applied (its transaction could not commit) and the client may try again.
 */
@FunctionalInterface
public interface DatabaseOutage {
    String MESSAGE = "Database unavailable; nothing was changed, try again shortly";

    boolean causedBy(Throwable failure);

    static ResponseEntity<Map<String, Object>> response() {
        return ResponseEntity.status(503).header("Retry-After", "5").contentType(MediaType.APPLICATION_JSON)
                .body(ApiErrors.body(MESSAGE));
    }
}
