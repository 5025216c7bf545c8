package io.darkroom.infrastructure.fetch;

import io.darkroom.application.resource.upload.RemoteFileFetcher;
import io.darkroom.application.support.DarkroomException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Downloads an http(s) URL to a file for an upload. Every hop (redirects are followed by hand,
 * at most {@value #MAX_REDIRECTS}) is resolved and refused when any address is loopback,
 * link-local, site-local/private, unique-local, multicast or unspecified, unless private
 * addresses are allowed by configuration. The body is cut off past {@code maxBytes}.
 */
public class SafeUrlFetcher implements RemoteFileFetcher, io.darkroom.application.optimizer.delivery.HttpOrigin,
        io.darkroom.application.notification.WebhookSender {
    private static final int MAX_REDIRECTS = 5;

    /** Made on first use: building an HttpClient initialises TLS, a noticeable part of a start that may never fetch. */
    private volatile HttpClient client;
    private final Duration connectTimeout;
    private final boolean allowPrivateAddresses;
    private final Duration timeout;

    private HttpClient client() {
        HttpClient made = client;
        if (made == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout).build();
                }
                made = client;
            }
        }
        return made;
    }

    public SafeUrlFetcher(boolean allowPrivateAddresses, Duration timeout) {
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.timeout = timeout;
        this.connectTimeout = timeout;
    }

    @Override
    public String fetch(URI url, Path target, long maxBytes) {
        URI current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            checkAllowed(current);
            HttpResponse<InputStream> response = send(current);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("location").isPresent()) {
                closeQuietly(response.body());
                current = current.resolve(response.headers().firstValue("location").get());
                continue;
            }
            if (status != 200) {
                closeQuietly(response.body());
                throw DarkroomException.badRequest("Error in loading " + url + " - " + status);
            }
            copyLimited(response.body(), target, maxBytes, url);
            String path = current.getPath() == null ? "" : current.getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }
        throw DarkroomException.badRequest("Error in loading " + url + " - too many redirects");
    }

    /**
     * A Media Optimizer origin's file, under the same rules as an upload's: empty when the origin says it has none
     * (404, 410), a 502 for any other answer.
     */
    @Override
    public java.util.Optional<byte[]> get(URI url, java.util.Map<String, String> headers, long maxBytes) {
        URI current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            checkAllowed(current);
            HttpResponse<InputStream> response = send(current, headers);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("location").isPresent()) {
                closeQuietly(response.body());
                current = current.resolve(response.headers().firstValue("location").get());
                continue;
            }
            if (status == 404 || status == 410) {
                closeQuietly(response.body());
                return java.util.Optional.empty();
            }
            if (status != 200) {
                closeQuietly(response.body());
                throw new DarkroomException(DarkroomException.Kind.BAD_GATEWAY, "The origin answered " + status + " for " + url);
            }
            try {
                Path staged = Files.createTempFile("origin-", ".part");
                try {
                    copyLimited(response.body(), staged, maxBytes, url);
                    return java.util.Optional.of(Files.readAllBytes(staged));
                } finally {
                    Files.deleteIfExists(staged);
                }
            } catch (IOException e) {
                throw new DarkroomException(DarkroomException.Kind.BAD_GATEWAY, "Error in loading " + url + " - " + e.getClass().getSimpleName());
            }
        }
        throw new DarkroomException(DarkroomException.Kind.BAD_GATEWAY, "Error in loading " + url + " - too many redirects");
    }

    /** A notification POST, under the same address rules (redirects are not followed: a receiver answers where it is). */
    @Override
    public int post(URI url, java.util.Map<String, String> headers, byte[] body) {
        checkAllowed(url);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            return client().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new DarkroomException(DarkroomException.Kind.BAD_GATEWAY, "Could not reach " + url + " - " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DarkroomException(DarkroomException.Kind.BAD_GATEWAY, "Interrupted while notifying " + url);
        }
    }

    private HttpResponse<InputStream> send(URI uri) {
        return send(uri, java.util.Map.of());
    }

    private HttpResponse<InputStream> send(URI uri, java.util.Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
            headers.forEach(request::header);
            return client().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw DarkroomException.badRequest("Error in loading " + uri + " - " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DarkroomException.badRequest("Error in loading " + uri + " - interrupted");
        }
    }

    private void checkAllowed(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw DarkroomException.badRequest("Only http and https URLs can be reached: " + uri);
        }
        if (allowPrivateAddresses) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (isInternal(address)) {
                    throw DarkroomException.badRequest("Reaching " + uri.getHost() + " is not allowed: it is not a public address");
                }
            }
        } catch (UnknownHostException e) {
            throw DarkroomException.badRequest("Error in loading " + uri + " - unknown host");
        }
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] raw = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = raw[0] & 0xff;
            int second = raw[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) || (first == 198 && (second == 18 || second == 19));
        }
        if (address instanceof Inet6Address) {
            return (raw[0] & 0xfe) == 0xfc;
        }
        return false;
    }

    private static void copyLimited(InputStream body, Path target, long maxBytes, URI url) {
        try (InputStream in = body; OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int read; (read = in.read(buffer)) >= 0; ) {
                total += read;
                if (total > maxBytes) {
                    throw DarkroomException.badRequest("File size too large. Maximum is " + maxBytes + " bytes");
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw DarkroomException.badRequest("Error in loading " + url + " - " + e.getClass().getSimpleName());
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the response is abandoned either way
        }
    }
}
