package io.darkroom.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * PostgreSQL text cannot hold U+0000, and no public id, tag or context value may contain it:
 * a request carrying one in its path or parameters is refused up front with a 400, instead of
 * failing deep in a query.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class NulCharacterGuard extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (containsNul(request)) {
            AdminApiGuard.write(response, 400, "Invalid request: NUL characters are not allowed in paths or parameters");
            return;
        }
        chain.doFilter(request, response);
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
        // form bodies are decoded here anyway (the controllers read them next); multipart parts are not parsed yet
        return request.getParameterMap().entrySet().stream().anyMatch(entry -> entry.getKey().indexOf('\0') >= 0
                || Arrays.stream(entry.getValue()).anyMatch(value -> value != null && value.indexOf('\0') >= 0));
    }
}
