/** Wiring of the blob store and the sweep that removes the bytes of deleted resources. */
package io.darkroom.api.blob;
