/**
 * Upload presets: a cloud's named sets of upload parameters, applied to the uploads that name them; the unsigned ones are
 * what browsers and apps upload with, without the API secret.
 */
package io.darkroom.domain.preset;
