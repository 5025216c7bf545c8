/** The cloud-wide audit trail's table. */
package io.darkroom.infrastructure.resource.audit;
