package io.darkroom.api.cloud;

import io.darkroom.api.metrics.DarkroomMetrics;
import io.darkroom.api.web.ApiErrors;
import io.darkroom.api.web.RequestMetadata;
import io.darkroom.application.cloud.AdminAllowance;
import io.darkroom.application.cloud.AdminRateLimiter;
import io.darkroom.application.cloud.AuthenticationThrottle;
import io.darkroom.application.cloud.Cloud;
import io.darkroom.application.cloud.CloudDirectory;
import io.darkroom.application.cloud.Credentials;
import io.darkroom.application.usage.UsageMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Guards the Admin API ({@code /v1_1/<cloud>/...} except the Upload API's
 * {@code /v1_1/<cloud>/<image|video|raw|auto>/...}) and the Media Optimizer API ({@code /v1/<cloud>/...}): HTTP Basic with the cloud's key and secret,
 * compared in constant time, then one call counted against the cloud's hourly allowance. Every
 * authenticated response carries the {@code X-FeatureRateLimit-*} headers; past the allowance
 * the call is refused with 420 and not served.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class AdminApiGuard extends OncePerRequestFilter {
    public static final String CLOUD_ATTRIBUTE = AdminApiGuard.class.getName() + ".cloud";
    static final Set<String> UPLOAD_API_RESOURCE_TYPES = Set.of("image", "video", "raw", "auto");
    private static final DateTimeFormatter RESET_FORMAT = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MESSAGE_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final CloudDirectory clouds;
    private final AdminRateLimiter rateLimiter;
    private final AuthenticationThrottle throttle;
    private final Clock clock;
    private final UsageMeter meter;
    private final DarkroomMetrics metrics;

    public AdminApiGuard(CloudDirectory clouds, AdminRateLimiter rateLimiter, Clock clock, AuthenticationThrottle throttle,
                         UsageMeter meter, DarkroomMetrics metrics) {
        this.meter = meter;
        this.metrics = metrics;
        this.throttle = throttle;
        this.clouds = clouds;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String[] segments = request.getRequestURI().split("/");
        // "", "v1_1", cloud, action... (the Admin API) or "", "v1", cloud, action... (the Media Optimizer API)
        if (segments.length >= 3 && segments[1].equals("v1")) {
            return false;
        }
        return segments.length < 3 || !segments[1].equals("v1_1")
                || (segments.length > 3 && UPLOAD_API_RESOURCE_TYPES.contains(segments[3]))
                // the Upload API's delete_by_token, as the SDKs send it (no resource type): the token is its credential
                || (segments.length == 4 && segments[3].equals("delete_by_token"))
                // a signed download URL of a stored version: its signature is its credential
                || (segments.length == 4 && segments[3].equals("download_backup"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String cloudName = request.getRequestURI().split("/")[2];
        String client = RequestMetadata.clientAddress();
        Optional<java.time.Duration> locked = throttle.lockedOut(client);
        if (locked.isPresent()) {
            lockedOut(response, locked.get());
            return;
        }
        Optional<Cloud> cloud = clouds.find(cloudName).filter(c -> authenticated(c, request.getHeader("Authorization")));
        if (cloud.isEmpty()) {
            locked = throttle.failed(client);
            if (locked.isPresent()) {
                lockedOut(response, locked.get());
                return;
            }
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                // Darkroom issues no OAuth tokens, so none is valid; the SDKs show this message as Cloudinary words it
                response.setHeader("WWW-Authenticate", "Bearer realm=\"Darkroom\", error=\"invalid_token\"");
                ApiErrors.write(response, 401, "Invalid token");
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"Darkroom\"");
            ApiErrors.write(response, 401, "Invalid credentials for cloud " + cloudName
                    + ": use HTTP Basic with the cloud's api_key and api_secret");
            return;
        }
        RequestMetadata.actor(cloud.get().apiKey());
        AdminAllowance allowance = rateLimiter.consume(cloud.get().name(), cloud.get().hourlyAdminLimit(), clock.instant());
        int limit = allowance.limit() == 0 ? Integer.MAX_VALUE : allowance.limit();
        int remaining = allowance.limit() == 0 ? Integer.MAX_VALUE : allowance.remaining();
        response.setHeader("X-FeatureRateLimit-Limit", String.valueOf(limit));
        response.setHeader("X-FeatureRateLimit-Remaining", String.valueOf(remaining));
        response.setHeader("X-FeatureRateLimit-Reset", RESET_FORMAT.format(allowance.resetAt()));
        if (!allowance.allowed()) {
            metrics.refused("rate_limit");
            ApiErrors.write(response, ApiErrors.RATE_LIMITED, "Rate Limit Exceeded. Limit of " + allowance.limit()
                    + " api operations reached. Try again on " + MESSAGE_FORMAT.format(allowance.resetAt()));
            return;
        }
        request.setAttribute(CLOUD_ATTRIBUTE, cloud.get());
        meter.adminCall(cloud.get().name());
        chain.doFilter(request, response);
    }

    private static boolean authenticated(Cloud cloud, String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean keyMatches = Credentials.matches(cloud.apiKey(), decoded.substring(0, colon));
        boolean secretMatches = Credentials.matches(cloud.apiSecret(), decoded.substring(colon + 1));
        return keyMatches & secretMatches;
    }

    private void lockedOut(HttpServletResponse response, java.time.Duration wait) throws IOException {
        metrics.refused("lock_out");
        response.setHeader("Retry-After", String.valueOf(AuthenticationThrottle.retryAfterSeconds(wait)));
        ApiErrors.write(response, 429, AuthenticationThrottle.refusal(wait));
    }

}
