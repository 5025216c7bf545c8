package io.darkroom.application.derivation;

/** A stored derived file, as the read model holds it. */
public record DerivedResource(String derivedId, String assetId, String cloud, String versionId, String transformation,
                              String format, long bytes, int width, int height, String blobKey) {
}
