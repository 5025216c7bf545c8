package io.darkroom.api.web;

import io.darkroom.application.cloud.Credentials;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The operator endpoints' door ({@code /ops/...}): {@code Authorization: Bearer <DARKROOM_OPERATOR_TOKEN>}; without a
 * configured token they do not exist (404).
 */
@Component
public class OperatorAccess {
    private final String token;

    public OperatorAccess(@Value("${darkroom.operator-token:}") String token) {
        this.token = token;
    }

    /** The refusal to answer instead, or null when the request carries the operator token. */
    public ResponseEntity<Map<String, Object>> refused(HttpServletRequest request) {
        if (token.isBlank()) {
            return ApiErrors.response(404, "Not found");
        }
        String given = request.getHeader("Authorization");
        if (given == null || !given.startsWith("Bearer ") || !Credentials.matches(token, given.substring(7))) {
            return ApiErrors.response(401, "Operator endpoints need Authorization: Bearer <DARKROOM_OPERATOR_TOKEN>");
        }
        return null;
    }
}
