/** Admin API: an asset's history and the cloud's audit trail. */
package io.darkroom.api.resource.audit;
