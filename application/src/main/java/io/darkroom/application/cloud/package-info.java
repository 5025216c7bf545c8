/** Clouds (tenants) and their credentials: lookup, Basic authentication and upload signatures. */
package io.darkroom.application.cloud;
