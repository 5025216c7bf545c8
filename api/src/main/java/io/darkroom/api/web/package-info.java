/** Cross-cutting HTTP concerns: parameters the SDK way, authentication, rate limits, errors, request metadata. */
package io.darkroom.api.web;
