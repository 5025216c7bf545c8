package io.darkroom.application.optimizer.cache;

import io.darkroom.application.optimizer.delivery.OptimizerDelivery;
import io.darkroom.application.optimizer.mapping.MappingRequest;
import io.darkroom.application.optimizer.setup.DeliveryProfileView;
import io.darkroom.application.optimizer.setup.OptimizerDomain;
import io.darkroom.application.optimizer.setup.OptimizerDomains;
import io.darkroom.application.support.Commands;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.optimizer.InvalidateOptimizedMedia;
import io.darkroom.domain.optimizer.OptimizedMedia;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code invalidate_all_derived_resources}: every stored derived version of the named media goes (a URL names its media
 * through its profile's mapping function, as a delivery would), and every node drops its cached answers of them.
 */
public class OptimizerInvalidation {
    public static final int MAX_ITEMS = 20;

    private final OptimizerDomains domains;
    private final OptimizerDelivery delivery;
    private final Commands commands;

    /** A media resource as the API names one. */
    public record MediaResource(String mediaKey, String resourceType) {
    }

    public OptimizerInvalidation(OptimizerDomains domains, OptimizerDelivery delivery, Commands commands) {
        this.domains = domains;
        this.delivery = delivery;
        this.commands = commands;
    }

    public void invalidate(String cloud, List<String> urls, List<MediaResource> mediaResources) {
        boolean noUrls = urls == null || urls.isEmpty();
        boolean noMedia = mediaResources == null || mediaResources.isEmpty();
        if (noUrls && noMedia) {
            throw DarkroomException.badRequest("Missing required parameter - urls or media_resources");
        }
        if ((!noUrls && urls.size() > MAX_ITEMS) || (!noMedia && mediaResources.size() > MAX_ITEMS)) {
            throw DarkroomException.badRequest("At most " + MAX_ITEMS + " urls and " + MAX_ITEMS + " media_resources per call");
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String url : noUrls ? List.<String>of() : urls) {
            keys.add(mediaKeyOf(cloud, url));
        }
        for (MediaResource media : noMedia ? List.<MediaResource>of() : mediaResources) {
            if (media.mediaKey() == null || media.mediaKey().isBlank()) {
                throw DarkroomException.badRequest("Every media resource needs a media_key");
            }
            if (media.resourceType() != null && !Set.of("image", "video").contains(media.resourceType())) {
                throw DarkroomException.badRequest("Invalid resource_type " + media.resourceType() + " (image or video)");
            }
            keys.add(media.mediaKey());
        }
        commands.retrying(() -> commands.inOneUnit(() -> {
            for (String key : keys) {
                commands.send(new InvalidateOptimizedMedia(OptimizedMedia.idOf(cloud, key), cloud, key));
            }
            return null;
        }));
    }

    /** The media key a Media Optimizer URL of this cloud names: on its domain, or in the {@code /mo/<domain>/} path form. */
    public String mediaKeyOf(String cloud, String url) {
        Target target = target(cloud, url);
        DeliveryProfileView profile = delivery.profileFor(target.domain(), target.request().path());
        return delivery.map(profile, target.request()).mediaKey();
    }

    /** A Media Optimizer URL's domain and the request it makes. */
    public record Target(OptimizerDomain domain, MappingRequest request) {
    }

    public Target target(String cloud, String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw DarkroomException.badRequest("Invalid URL " + url);
        }
        if (uri.getHost() == null || uri.getRawPath() == null) {
            throw DarkroomException.badRequest("Invalid URL " + url + ": a Media Optimizer URL of this cloud");
        }
        String host = uri.getHost();
        String path = uri.getPath().replaceFirst("^/", "");
        if (domains.byHost(host).isEmpty() && path.startsWith("mo/")) {
            host = path.substring(3, path.indexOf('/', 3) < 0 ? path.length() : path.indexOf('/', 3));
            path = path.length() > 4 + host.length() ? path.substring(4 + host.length()) : "";
        }
        String finalHost = host;
        OptimizerDomain domain = domains.of(cloud).stream().filter(d -> d.domain().equalsIgnoreCase(finalHost)).findFirst()
                .orElseThrow(() -> DarkroomException.badRequest("URL " + url + " is not on a Media Optimizer domain of this cloud"));
        return new Target(domain, new MappingRequest(path, query(uri.getRawQuery()), Map.of(), domain.domain()));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new java.util.LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            query.putIfAbsent(name, value);
        }
        return query;
    }

}
