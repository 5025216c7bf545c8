/** The Admin API's hourly allowance, counted in PostgreSQL so every node shares it. */
package io.darkroom.infrastructure.ratelimit;
