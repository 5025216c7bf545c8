/** Blob storage on the local file system under the data directory. */
package io.darkroom.infrastructure.blob;
