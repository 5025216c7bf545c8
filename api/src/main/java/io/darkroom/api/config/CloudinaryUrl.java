package io.darkroom.api.config;

import io.darkroom.application.cloud.Cloud;
import io.darkroom.domain.cloud.CloudName;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Parses {@code cloudinary://API_KEY:API_SECRET@CLOUD_NAME}, the form the SDKs read from {@code CLOUDINARY_URL}. */
public final class CloudinaryUrl {
    private CloudinaryUrl() {
    }

    public static Cloud parse(String url, int hourlyLimit) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CLOUDINARY_URL is not a URL of the form cloudinary://KEY:SECRET@CLOUD");
        }
        String userInfo = uri.getRawUserInfo();
        if (!"cloudinary".equals(uri.getScheme()) || userInfo == null || !userInfo.contains(":") || uri.getHost() == null) {
            throw new IllegalArgumentException("CLOUDINARY_URL must have the form cloudinary://KEY:SECRET@CLOUD");
        }
        String key = URLDecoder.decode(userInfo.substring(0, userInfo.indexOf(':')), StandardCharsets.UTF_8);
        String secret = URLDecoder.decode(userInfo.substring(userInfo.indexOf(':') + 1), StandardCharsets.UTF_8);
        if (key.isEmpty() || secret.isEmpty()) {
            throw new IllegalArgumentException("CLOUDINARY_URL must name both an API key and an API secret");
        }
        return new Cloud(CloudName.of(uri.getHost()).value(), key, secret, hourlyLimit);
    }
}
