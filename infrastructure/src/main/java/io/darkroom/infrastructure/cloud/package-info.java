/** The clouds table: configured and generated clouds, their encrypted secrets. */
package io.darkroom.infrastructure.cloud;
