/** Secrets at rest: the master key and AES-GCM encryption of stored secrets. */
package io.darkroom.infrastructure.crypto;
