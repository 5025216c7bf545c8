package io.darkroom.application.derivation;

import java.util.List;

/** Port: derived files and Media Optimizer media made before derivations stripped embedded metadata, to delete once. */
public interface DerivedBeforeStrip {
    /** {@code kind} is {@code derived} ({@code id}: a derived id) or {@code optimized} ({@code id}: a media key). */
    record Entry(String kind, String cloud, String id) {
    }

    /**
     * Takes up to {@code limit} entries off the list inside the caller's transaction (other nodes skip them meanwhile);
     * if the transaction rolls back they stay.
     */
    List<Entry> take(int limit);
}
