package io.darkroom.application.resource.restore;

/**
 * What one id of a restore call resolved to: the asset and version to make current (from the trash or not), or the
 * reason it cannot be restored ({@code error}), or, for a live asset already at that version, nothing to do.
 */
record RestoreTarget(String id, String assetId, String publicId, String versionId, boolean fromTrash, String error) {
    static RestoreTarget refused(String id, String error) {
        return new RestoreTarget(id, null, null, null, false, error);
    }

    static RestoreTarget unchanged(String id, String assetId) {
        return new RestoreTarget(id, assetId, null, null, false, null);
    }

    boolean changes() {
        return error == null && versionId != null;
    }
}
