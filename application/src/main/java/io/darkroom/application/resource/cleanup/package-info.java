/** Removing the bytes of deleted resources after their deletion is recorded, crash-safely. */
package io.darkroom.application.resource.cleanup;
