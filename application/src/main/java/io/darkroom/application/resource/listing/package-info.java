/** The resource listing read model: its projection, storage port, keyset queries and cursors. */
package io.darkroom.application.resource.listing;
