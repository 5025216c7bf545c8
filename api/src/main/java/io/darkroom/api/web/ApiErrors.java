package io.darkroom.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.application.support.DarkroomException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.util.Map;

/** The API's one error shape, {@code {"error":{"message":...}}}, and the status of each kind of failure. */
public final class ApiErrors {
    /** Cloudinary's "rate limited" status; not a standard HTTP code. */
    public static final int RATE_LIMITED = 420;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiErrors() {
    }

    public static ResponseEntity<Map<String, Object>> response(int status, String message) {
        return ResponseEntity.status(HttpStatusCode.valueOf(status)).contentType(MediaType.APPLICATION_JSON)
                .body(body(message));
    }

    /**
     * A delivery's error: the JSON body, and its reason in {@code X-Cld-Error} as Cloudinary's deliveries name it (printable
     * ASCII only: it is a header); a 503 says when to try again.
     */
    public static ResponseEntity<Map<String, Object>> deliveryFailure(int status, String reason) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatusCode.valueOf(status)).contentType(MediaType.APPLICATION_JSON)
                .header("X-Cld-Error", reason.replaceAll("[^\\x20-\\x7e]", "?"));
        if (status == 503) {
            answer.header("Retry-After", "1");
        }
        return answer.body(body(reason));
    }

    /** Writes the error shape straight to a response, for filters that answer before any controller runs. */
    public static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body(message)));
    }

    public static Map<String, Object> body(String message) {
        return Map.of("error", Map.of("message", message));
    }

    public static int statusOf(DarkroomException.Kind kind) {
        return switch (kind) {
            case BAD_REQUEST -> 400;
            case UNAUTHORIZED -> 401;
            case NOT_ALLOWED -> 403;
            case NOT_FOUND -> 404;
            case ALREADY_EXISTS -> 409;
            case RATE_LIMITED -> RATE_LIMITED;
            case LOCKED_OUT -> 429;
            case UNAVAILABLE -> 503;
            case NOT_IMPLEMENTED -> 501;
            case BAD_GATEWAY -> 502;
        };
    }
}
