package io.darkroom.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * SDK 2.10+ percent-encodes whole string paths ({@code resources%2Fimage%2Fupload} arrives as one
 * segment) and the Node SDK encodes {@code /} inside public ids: every {@code %2F} in the path is
 * read as {@code /} before routing, so both reach the routes written with real slashes. Routes that
 * end in a name that may hold a slash (public ids, tags) capture the rest of the path.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class EncodedSlashes extends OncePerRequestFilter {
    private static final Pattern ENCODED_SLASH = Pattern.compile("%2[fF]");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.indexOf('%') < 0 || !ENCODED_SLASH.matcher(uri).find();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = ENCODED_SLASH.matcher(request.getRequestURI()).replaceAll("/");
        String servletPath = uri.substring(request.getContextPath().length());
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getRequestURI() {
                return uri;
            }

            @Override
            public StringBuffer getRequestURL() {
                StringBuffer url = new StringBuffer(request.getScheme()).append("://").append(request.getServerName());
                int port = request.getServerPort();
                if (port > 0 && !(port == 80 && "http".equals(request.getScheme())) && !(port == 443 && "https".equals(request.getScheme()))) {
                    url.append(':').append(port);
                }
                return url.append(uri);
            }

            @Override
            public String getServletPath() {
                return java.net.URLDecoder.decode(servletPath.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            }
        }, response);
    }
}
