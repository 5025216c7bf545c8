package io.darkroom.api.console;

import io.darkroom.api.web.RequestMetadata;
import io.darkroom.application.cloud.Credentials;
import io.darkroom.application.console.ConsoleSession;
import io.darkroom.application.console.ConsoleSignIn;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Guards every console route but the sign-in page and the assets: without a live session of the right kind (the
 * operator's for {@code /console/operations}, a cloud's for the rest) a page is a redirect to sign-in (a change a 401); with one, the request's actor is the session's API key, and a change (any method but GET
 * and HEAD) must carry the session's CSRF token (form field {@code _csrf} or header {@code X-CSRF-Token}), else 403.
 */
public class ConsoleAccess extends OncePerRequestFilter {
    public static final String COOKIE = "darkroom_console";
    public static final String SESSION = ConsoleAccess.class.getName() + ".session";
    private static final Set<String> READS = Set.of("GET", "HEAD");
    static final String OPERATIONS = "/console/operations";
    /** Scripts only from the console itself, nothing framed, forms only to it: an injected tag could do nothing. */
    static final String POLICY = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    private final ConsoleSignIn signIn;

    public ConsoleAccess(ConsoleSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/console/sign-in") || path.startsWith("/console/assets/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean operations = request.getRequestURI().startsWith(OPERATIONS);
        boolean anyone = request.getRequestURI().equals("/console/sign-out");
        // a session opens its own side only: a cloud's session never the operations page, the operator's no cloud
        Optional<ConsoleSession> session = signIn.session(cookie(request, COOKIE))
                .filter(s -> anyone || s.operator() == operations);
        boolean read = READS.contains(request.getMethod());
        if (session.isEmpty()) {
            if (read) {
                String next = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                response.sendRedirect("/console/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            } else {
                response.sendError(401, "Sign in again: the session ended");
            }
            return;
        }
        if (!read) {
            String given = Optional.ofNullable(request.getHeader("X-CSRF-Token")).orElse(request.getParameter("_csrf"));
            if (given == null || !Credentials.matches(session.get().csrfToken(), given)) {
                response.sendError(403, "This change did not come from a console page (missing or wrong CSRF token)");
                return;
            }
        }
        RequestMetadata.actor(session.get().apiKey());
        request.setAttribute(SESSION, session.get());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("Referrer-Policy", "same-origin");
        chain.doFilter(request, response);
    }

    static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? null : Arrays.stream(cookies).filter(c -> c.getName().equals(name)).map(Cookie::getValue)
                .findFirst().orElse(null);
    }
}
