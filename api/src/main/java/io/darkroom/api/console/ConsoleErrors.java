package io.darkroom.api.console;

import io.darkroom.api.web.ApiErrors;
import io.darkroom.api.web.RequestMetadata;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.cloud.InvalidValueException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A console page's refusals as a page of the console (the API's handler would answer JSON): the message and the
 * status, a way back; nothing else (no stack trace).
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ConsoleErrors {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler(DarkroomException.class)
    String known(DarkroomException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(ApiErrors.statusOf(e.kind()), e.getMessage(), request, response, model);
    }

    @ExceptionHandler(InvalidValueException.class)
    String invalid(InvalidValueException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(400, e.getMessage(), request, response, model);
    }

    @ExceptionHandler(CommandExecutionException.class)
    String command(CommandExecutionException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (e.getCause() instanceof DarkroomException known) {
            return known(known, request, response, model);
        }
        if (e.getCause() instanceof InvalidValueException invalid) {
            return invalid(invalid, request, response, model);
        }
        return unexpected(e, request, response, model);
    }

    /** Logged with the request id; the page says only that, so nothing of the server's insides reaches the browser. */
    @ExceptionHandler(RuntimeException.class)
    String unexpected(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        LOG.error("Unexpected failure of {} {} (request {})", request.getMethod(), request.getRequestURI(),
                RequestMetadata.requestId(), e);
        return page(500, "Something went wrong on the server (request " + RequestMetadata.requestId()
                + "); it is in the server's log.", request, response, model);
    }

    private static String page(int status, String message, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(status);
        model.addAttribute("console", ConsoleModel.session(request));
        model.addAttribute("status", status);
        model.addAttribute("problem", message);
        return "console/error";
    }
}
