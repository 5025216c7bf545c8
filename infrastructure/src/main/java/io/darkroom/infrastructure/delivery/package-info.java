/** What delivery needs from PostgreSQL beyond the read models: the feed of changes that invalidate cached answers. */
package io.darkroom.infrastructure.delivery;
