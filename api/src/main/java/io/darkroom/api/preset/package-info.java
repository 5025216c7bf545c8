/** The Admin API's {@code /upload_presets}: presets' settings in and out in the SDKs' shapes. */
package io.darkroom.api.preset;
