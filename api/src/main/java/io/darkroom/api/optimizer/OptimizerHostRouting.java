package io.darkroom.api.optimizer;

import io.darkroom.application.optimizer.setup.OptimizerDomains;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A request whose {@code Host} is a Media Optimizer domain ({@code <cloud>.mo.localhost}, or one configured for a cloud)
 * is a Media Optimizer delivery: it goes on as {@code /mo/<domain>/<path>}, the form that also works without DNS, so the
 * delivery cache and {@link OptimizerDeliveryController} see one shape.
 */
public class OptimizerHostRouting extends OncePerRequestFilter {
    private final OptimizerDomains domains;

    public OptimizerHostRouting(OptimizerDomains domains) {
        this.domains = domains;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/mo/") || domains.byHost(request.getServerName()).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = domains.byHost(request.getServerName()).orElseThrow().domain();
        String uri = "/mo/" + host + request.getRequestURI();
        chain.doFilter(new io.darkroom.api.web.RoutedRequest(request, uri), response);
    }
}
