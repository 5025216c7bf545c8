package io.darkroom.api.resource.upload;

import io.darkroom.api.web.ApiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CORS for the Upload API's browser calls ({@code upload} and {@code delete_by_token}): pages on the origins a cloud
 * allows (any, unless the cloud lists some) may call them; a preflight answers with what such a call may send. A call
 * with an {@code Origin} the cloud does not allow is refused with a 403 before anything happens: a multipart POST is a
 * "simple" request that browsers send without a preflight, so hiding the answer alone would still store the file. No
 * other route answers CORS: the Admin API must never be called from a page, which would hold the secret.
 */
public class UploadCors extends OncePerRequestFilter {
    private static final Pattern UPLOAD_API = Pattern.compile(
            "/v1_1/([^/]+)/(?:(?:image|video|raw|auto)/(?:upload|delete_by_token)|delete_by_token)");
    private static final String ALLOWED_HEADERS = "Content-Type, Content-Range, X-Unique-Upload-Id, X-Requested-With";
    private static final String ANY = "*";
    /** What a browser sends as {@code Origin}: a scheme, a host and maybe a port (anything else is echoed nowhere). */
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.\\[\\]:-]{1,253}");

    private final Map<String, Set<String>> allowedOrigins;

    /** {@code allowedOrigins} by cloud; a cloud not in it, or listed with {@code *}, allows any origin. */
    public UploadCors(Map<String, Set<String>> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader("Origin") == null || !UPLOAD_API.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher path = UPLOAD_API.matcher(request.getRequestURI());
        path.matches();
        String origin = request.getHeader("Origin");
        response.addHeader("Vary", "Origin");
        Set<String> allowed = allowedOrigins.get(path.group(1));
        if (allowed == null || allowed.isEmpty() || allowed.contains(ANY)) {
            // any page may upload: "*" (no credentials are ever involved), also for the "null" origin of file:// pages
            response.setHeader("Access-Control-Allow-Origin", ANY);
        } else if (ORIGIN.matcher(origin).matches() && allowed.contains(origin)) {
            response.setHeader("Access-Control-Allow-Origin", origin);
        } else {
            ApiErrors.write(response, 403, "Origin " + origin + " is not allowed to call the Upload API of cloud " + path.group(1));
            return;
        }
        if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
            response.setHeader("Access-Control-Allow-Methods", "POST, OPTIONS");
            response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            response.setHeader("Access-Control-Max-Age", "86400");
            response.setStatus(204);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The origins as configured: trimmed, without a trailing slash (a browser's {@code Origin} has none). */
    public static Set<String> origins(List<String> configured) {
        return configured == null ? Set.of() : configured.stream().map(String::strip).filter(o -> !o.isEmpty())
                .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o).collect(java.util.stream.Collectors.toSet());
    }
}
