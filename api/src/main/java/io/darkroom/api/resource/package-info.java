/** How a resource is written in JSON responses and where it is delivered, shared by the Admin and Upload APIs. */
package io.darkroom.api.resource;
