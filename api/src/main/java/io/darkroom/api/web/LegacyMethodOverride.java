package io.darkroom.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.servlet.filter.OrderedHiddenHttpMethodFilter;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * {@code _method=delete} in a POST body, as the legacy Java SDK (http44) sends DELETE; Spring's
 * filter, except for streamed chunk parts, whose body it would otherwise parse before the controller.
 */
@Component
public class LegacyMethodOverride extends OrderedHiddenHttpMethodFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (StreamedParts.isStreamedPart(request)) {
            chain.doFilter(request, response);
            return;
        }
        super.doFilterInternal(request, response, chain);
    }
}
