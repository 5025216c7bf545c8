package io.darkroom.api.web;

import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.cloud.InvalidValueException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/**
 * Every failure inside Spring MVC becomes the API's JSON error with the reference's status.
 * Unexpected exceptions are logged with the request id and answered with a 500 that shows
 * only that id: no stack trace or internal message leaves the server.
 */
@RestControllerAdvice
public class ApiExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final DatabaseOutage databaseOutage;
    private final io.darkroom.api.metrics.DarkroomMetrics metrics;

    public ApiExceptionHandler(DatabaseOutage databaseOutage, io.darkroom.api.metrics.DarkroomMetrics metrics) {
        this.databaseOutage = databaseOutage;
        this.metrics = metrics;
    }

    @ExceptionHandler(DarkroomException.class)
    ResponseEntity<Map<String, Object>> known(DarkroomException e) {
        if (e.kind() == DarkroomException.Kind.LOCKED_OUT) {
            metrics.refused("lock_out");
            // lock-outs last until the end of the current clock minute (AuthenticationThrottle's window)
            long retryAfter = Math.max(1, 60 - java.time.Instant.now().getEpochSecond() % 60);
            return ResponseEntity.status(429).header("Retry-After", String.valueOf(retryAfter))
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(ApiErrors.body(e.getMessage()));
        }
        return ApiErrors.response(ApiErrors.statusOf(e.kind()), e.getMessage());
    }

    @ExceptionHandler(InvalidValueException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidValueException e) {
        return ApiErrors.response(400, e.getMessage());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Map<String, Object>> command(CommandExecutionException e, HttpServletRequest request) {
        if (e.getCause() instanceof DarkroomException known) {
            return known(known);
        }
        if (e.getCause() instanceof InvalidValueException invalid) {
            return invalid(invalid);
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        return ApiErrors.response(400, "File size too large. Maximum is " + e.getMaxUploadSize() + " bytes");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, Object>> multipart(MultipartException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause.getClass().getSimpleName().contains("SizeLimit") || String.valueOf(cause.getMessage()).contains("exceeds")) {
            return ApiErrors.response(400, "File size too large");
        }
        return ApiErrors.response(400, "Malformed multipart request");
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Map<String, Object>> noRoute(HttpServletRequest request) {
        return ApiErrors.response(404, "Not found: " + request.getMethod() + " " + request.getRequestURI());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> wrongMethod(HttpServletRequest request) {
        return ApiErrors.response(404, "Unsupported method " + request.getMethod() + " for " + request.getRequestURI());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeException.class,
            MissingServletRequestParameterException.class})
    ResponseEntity<Map<String, Object>> unreadable(Exception e) {
        return ApiErrors.response(400, "Malformed request: " + e.getClass().getSimpleName());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        if (databaseOutage.causedBy(e)) {
            LOG.warn("{} {} answered 503: database unavailable ({})", request.getMethod(), request.getRequestURI(), e.getMessage());
            return DatabaseOutage.response();
        }
        String requestId = RequestMetadata.requestId();
        LOG.error("Unexpected failure of {} {} (request {})", request.getMethod(), request.getRequestURI(), requestId, e);
        return ApiErrors.response(500, "Internal error (request id " + requestId + ")");
    }
}
