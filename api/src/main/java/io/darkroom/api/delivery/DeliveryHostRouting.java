package io.darkroom.api.delivery;

import io.darkroom.api.web.RoutedRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * A cloud's own delivery host ({@code DARKROOM_CLOUDS_N_DELIVERY_HOST}): the SDKs' {@code private_cdn} form,
 * {@code https://media.example.com/image/upload/...} with no cloud in the path, goes on as
 * {@code /<cloud>/image/upload/...}, so the delivery cache and {@link DeliveryController} see one shape.
 */
public class DeliveryHostRouting extends OncePerRequestFilter {
    /** Host names (no port) to clouds. */
    private final Map<String, String> clouds;

    public DeliveryHostRouting(Map<String, String> cloudsByHost) {
        this.clouds = Map.copyOf(cloudsByHost);
    }

    /** {@code host[:port]} as configured, to the name a request's {@code Host} is matched by. */
    public static String hostName(String configured) {
        String host = configured.strip().toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        return colon > 0 && !host.endsWith("]") && host.indexOf(':') == colon ? host.substring(0, colon) : host;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return clouds.isEmpty() || !clouds.containsKey(request.getServerName().toLowerCase(Locale.ROOT))
                || !request.getRequestURI().matches("/(image|video|raw)/.*");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String cloud = clouds.get(request.getServerName().toLowerCase(Locale.ROOT));
        chain.doFilter(new RoutedRequest(request, "/" + cloud + request.getRequestURI()), response);
    }
}
