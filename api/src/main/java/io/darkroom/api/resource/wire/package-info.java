/** How a resource crosses the wire: the parameters upload, explicit and update share, and the JSON shapes of resources with their delivery URLs. */
package io.darkroom.api.resource.wire;
