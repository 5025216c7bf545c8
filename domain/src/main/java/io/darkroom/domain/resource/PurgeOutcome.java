package io.darkroom.domain.resource;

/** What a {@link PurgeVersions} did with one version. */
public enum PurgeOutcome {
    PURGED("deleted"),
    UNKNOWN("No backup found for this version of the asset"),
    ALREADY_PURGED("The backup of this version was already deleted"),
    CURRENT("This is the asset's current version: delete the asset, or restore another version first");

    private final String message;

    PurgeOutcome(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
