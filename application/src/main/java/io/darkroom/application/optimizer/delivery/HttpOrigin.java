package io.darkroom.application.optimizer.delivery;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Port: GETs an original over http(s) through the SSRF rules; empty when the origin has no such file (404, 410). */
public interface HttpOrigin {
    Optional<byte[]> get(URI url, Map<String, String> headers, long maxBytes);
}
