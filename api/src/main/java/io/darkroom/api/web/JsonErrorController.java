package io.darkroom.api.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Errors raised outside Spring MVC (by the servlet container or a filter) land here and get
 * the same JSON shape: never Tomcat's HTML page. Statuses outside the reference become 400,
 * or 500 for server failures.
 */
@RestController
public class JsonErrorController implements ErrorController {
    private final DatabaseOutage databaseOutage;

    public JsonErrorController(DatabaseOutage databaseOutage) {
        this.databaseOutage = databaseOutage;
    }

    @RequestMapping("/error")
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 500;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure && databaseOutage.causedBy(failure)) {
            return DatabaseOutage.response();
        }
        return switch (status) {
            case 400, 401, 403, 404, 409, ApiErrors.RATE_LIMITED -> ApiErrors.response(status, messageFor(status));
            case 405 -> ApiErrors.response(404, "Unsupported method");
            case 413 -> ApiErrors.response(400, "File size too large");
            default -> status >= 500 ? ApiErrors.response(500, "Internal error (request id " + RequestMetadata.requestId() + ")")
                    : ApiErrors.response(400, "Bad request");
        };
    }

    private static String messageFor(int status) {
        return switch (status) {
            case 401 -> "Authorization required";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "Already exists";
            case ApiErrors.RATE_LIMITED -> "Rate limited";
            default -> "Bad request";
        };
    }
}
