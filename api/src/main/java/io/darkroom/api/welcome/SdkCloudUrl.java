package io.darkroom.api.welcome;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code CLOUDINARY_URL} an official SDK needs to use Darkroom for everything: {@code upload_prefix} sends uploads and
 * Admin API calls to Darkroom, and the delivery settings make {@code cloudinary.url(...)} name Darkroom too. Over https
 * that is {@code secure_distribution=<host>}; over http the SDKs' https default must be turned off ({@code secure=false})
 * and {@code cname=<host>} names the host. A cloud with a delivery host of its own ({@code private_cdn=true}) is delivered
 * there without the cloud in the path. (The Node SDK reads {@code secure} only when a call passes {@code secure: null}:
 * over http its {@code url()} calls need {@code secure: false}; the Java SDK reads the setting.)
 */
public final class SdkCloudUrl {
    private SdkCloudUrl() {
    }

    /**
     * @param base         where Darkroom is reached, e.g. {@code http://localhost:8080} or the public base URL
     * @param deliveryHost the cloud's own delivery host ({@code host[:port]}), or null
     */
    public static String of(String cloud, String apiKey, String apiSecret, String base, String deliveryHost) {
        URI uri = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        String host = uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
        boolean privateCdn = deliveryHost != null && !deliveryHost.isBlank();
        String delivery = privateCdn ? deliveryHost.strip() : host;
        StringBuilder url = new StringBuilder("cloudinary://").append(apiKey).append(':').append(apiSecret).append('@').append(cloud)
                .append("?upload_prefix=").append(encode(uri.getScheme() + "://" + host));
        url.append(secure ? "&secure_distribution=" : "&secure=false&cname=").append(encode(delivery));
        if (privateCdn) {
            url.append("&private_cdn=true");
        }
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
