/** PostgreSQL storage of the resource read models and public-id claims. */
package io.darkroom.infrastructure.resource;
