/** Stored bytes: the blob store port, and removing the bytes of deleted things after their deletion is recorded, crash-safely. */
package io.darkroom.application.blob;
