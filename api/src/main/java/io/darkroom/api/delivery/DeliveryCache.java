package io.darkroom.api.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's copy of recently delivered answers, keyed by the request path as sent (signature,
 * transformation and all), so a repeated delivery is answered without a database round trip or a
 * file read. Bounded by bytes; an answer larger than {@link #MAX_ENTRY_BYTES} is not kept.
 * Entries are dropped by asset: at once on this node when a change commits
 * ({@link DeliveryCacheEvents}), and from the event store within a second on every other node
 * ({@link DeliveryCacheSync}), so nodes never serve a deleted or replaced asset for longer than that.
 * Answers chosen by {@code Accept} ({@code f_auto}) are kept per class of {@code Accept}.
 */
public class DeliveryCache {
    public static final int MAX_ENTRY_BYTES = 1024 * 1024;

    /** One answer: its bytes and the headers that go with them. */
    public record Entry(String cloud, String assetId, byte[] bytes, String etag, String contentType, String cacheControl,
                        boolean variesByAccept) {
    }

    private final Cache<String, Entry> entries;
    private final ConcurrentHashMap<String, Set<String>> keysByAsset = new ConcurrentHashMap<>();
    /** Paths whose answers depend on {@code Accept}: looked up with the request's class of it. */
    private final Set<String> varyingPaths = ConcurrentHashMap.newKeySet();

    /** {@code lifetime} is a backstop: an answer is made again at least that often, whatever happened to the invalidations. */
    public DeliveryCache(long maxBytes, java.time.Duration lifetime) {
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .expireAfterWrite(lifetime)
                .weigher((String key, Entry entry) -> entry.bytes().length + key.length() + 200)
                .removalListener((String key, Entry entry, RemovalCause cause) -> {
                    if (entry != null && cause != RemovalCause.REPLACED) {
                        keysByAsset.computeIfPresent(entry.assetId(), (asset, keys) -> {
                            keys.remove(key);
                            return keys.isEmpty() ? null : keys;
                        });
                    }
                })
                .build();
    }

    /** The answer kept for {@code path} and a request's {@code Accept}, or null. */
    public Entry get(String path, String accept) {
        return entries.getIfPresent(varyingPaths.contains(path) ? path + "|" + acceptClass(accept) : path);
    }

    public void put(String path, String accept, Entry entry) {
        if (entry.bytes().length > MAX_ENTRY_BYTES) {
            return;
        }
        String key = path;
        if (entry.variesByAccept()) {
            varyingPaths.add(path);
            key = path + "|" + acceptClass(accept);
        }
        keysByAsset.computeIfAbsent(entry.assetId(), asset -> ConcurrentHashMap.newKeySet()).add(key);
        entries.put(key, entry);
    }

    /** Drops every answer made from {@code assetId}. */
    public void forget(String assetId) {
        Set<String> keys = keysByAsset.remove(assetId);
        if (keys != null) {
            entries.invalidateAll(keys);
        }
    }

    public void clear() {
        entries.invalidateAll();
        keysByAsset.clear();
    }

    public long size() {
        return entries.estimatedSize();
    }

    /**
     * The key of a request's answer: its path as sent, and for Media Optimizer deliveries ({@code /mo/...}, whose
     * mapping functions read the query) the query too.
     */
    public static String keyOf(jakarta.servlet.http.HttpServletRequest request) {
        String uri = request.getRequestURI();
        String query = request.getQueryString();
        return query != null && uri.startsWith("/mo/") ? uri + "?" + query : uri;
    }

    /** What {@code f_auto} decides by, so one key per answer it can give. */
    static String acceptClass(String accept) {
        String best = io.darkroom.application.derivation.DerivationPlan.bestAccepted(accept);
        return best == null ? "other" : best;
    }
}
