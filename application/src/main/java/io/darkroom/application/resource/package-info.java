/** Use cases and read models of the Resource aggregate. */
package io.darkroom.application.resource;
