package io.darkroom.application.support;

/** Where new identifiers come from (asset, version, upload and batch ids, generated public ids and credentials). */
public interface IdGenerator {
    /** 32 lowercase hex characters (128 bits). */
    String hex32();

    /** {@code length} lowercase letters and digits, as Cloudinary's generated public ids. */
    String lowerAlphanumeric(int length);
}
