/** The versions read model and the trash in PostgreSQL. */
package io.darkroom.infrastructure.resource.restore;
