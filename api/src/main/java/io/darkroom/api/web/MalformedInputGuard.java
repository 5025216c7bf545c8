package io.darkroom.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Input that no route can use is refused with a 400 before it reaches a query: U+0000 in the
 * path or parameters (PostgreSQL text cannot hold it), and PUT, PATCH or DELETE form bodies that
 * Spring's FormContentFilter cannot decode (which would otherwise travel to the container as an
 * error, with a stack trace in the log).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class MalformedInputGuard extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (containsNul(request)) {
            ApiErrors.write(response, 400, "Invalid request: NUL characters are not allowed in paths or parameters");
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (HttpMessageNotReadableException e) {
            if (response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            ApiErrors.write(response, 400, "Malformed request: the form body could not be decoded");
        }
    }

    private static boolean containsNul(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (uri.indexOf('\0') >= 0 || uri.toLowerCase(Locale.ROOT).contains("%00")) {
            return true;
        }
        String query = request.getQueryString();
        if (query != null && (query.indexOf('\0') >= 0 || query.contains("%00"))) {
            return true;
        }
        if (StreamedParts.isStreamedPart(request)) {
            return false; // its fields are checked for NUL as they are read (ApiParameters.ofFields)
        }
        // form bodies are decoded here anyway (the controllers read them next); multipart parts are not parsed yet
        return request.getParameterMap().entrySet().stream().anyMatch(entry -> entry.getKey().indexOf('\0') >= 0
                || Arrays.stream(entry.getValue()).anyMatch(value -> value != null && value.indexOf('\0') >= 0));
    }
}
