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

/**
 * Spring's FormContentFilter decodes the form bodies of PUT, PATCH and DELETE requests before
 * any controller runs; an undecodable one is the client's fault, answered 400 here instead of
 * travelling to the container as an error (and a stack trace in the log).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
public class UndecodableFormGuard extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (HttpMessageNotReadableException e) {
            if (response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            AdminApiGuard.write(response, 400, "Malformed request: the form body could not be decoded");
        }
    }
}
