package io.darkroom.api.resource.wire;

import io.darkroom.api.config.DarkroomProperties;
import io.darkroom.application.resource.listing.ResourceView;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;

/**
 * Delivery URLs of resources: {@code <base>/<cloud>/<resource_type>/<type>/v<version>/<public_id>[.<format>]}.
 * The base is {@code darkroom.public-base-url} (and {@code secure-base-url}); unset, it is the
 * address the current request reached Darkroom at.
 */
@Component
public class DeliveryUrls {
    private final String publicBase;
    private final String secureBase;

    public DeliveryUrls(DarkroomProperties properties) {
        this.publicBase = trim(properties.publicBaseUrl());
        this.secureBase = trim(properties.secureBaseUrl());
    }

    /** The two bases for the current request, resolved once so that a page of resources does not repeat the work. */
    public Bases bases() {
        String plain = base(publicBase);
        return new Bases(plain, secureBase != null ? secureBase : plain);
    }

    /** Resolved bases of {@code url} and {@code secure_url}. */
    public record Bases(String plain, String secure) {
    }

    public static String path(ResourceView r) {
        return "/" + r.cloud() + "/" + r.resourceType() + "/" + r.type() + "/v" + r.version() + "/"
                + UriUtils.encodePath(file(r), StandardCharsets.UTF_8);
    }

    /** The path signed as the SDKs' {@code sign_url} writes it: {@code s--<signature>--} before the version. */
    public static String signedPath(ResourceView r, String signature) {
        return "/" + r.cloud() + "/" + r.resourceType() + "/" + r.type() + "/s--" + signature + "--/v" + r.version() + "/"
                + UriUtils.encodePath(file(r), StandardCharsets.UTF_8);
    }

    /** The delivered file's name: the public id, with the format as extension except for raw files. */
    public static String file(ResourceView r) {
        return r.resourceType().equals("raw") || r.format().isEmpty() ? r.publicId() : r.publicId() + "." + r.format();
    }

    /** A derived file's path: the transformation before the version, the derived format as the extension. */
    public static String derivedPath(ResourceView r, String transformation, String format) {
        return "/" + r.cloud() + "/" + r.resourceType() + "/" + r.type() + "/" + transformation + "/v" + r.version() + "/"
                + UriUtils.encodePath(r.publicId() + "." + format, StandardCharsets.UTF_8);
    }

    private static String base(String configured) {
        if (configured != null) {
            return configured;
        }
        try {
            return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        } catch (IllegalStateException outsideRequest) {
            return "http://localhost:8080";
        }
    }

    private static String trim(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
