/** PostgreSQL storage of the audit trail. */
package io.darkroom.infrastructure.audit;
