package io.darkroom.application.resource.upload;

import java.net.URI;
import java.nio.file.Path;

/** Port: downloads a file named by URL for an upload, refusing addresses it must not reach. */
public interface RemoteFileFetcher {
    /** Writes at most {@code maxBytes} of the body to {@code target}; answers the URL's file name. */
    String fetch(URI url, Path target, long maxBytes);
}
