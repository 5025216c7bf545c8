/** The Spring Boot application: HTTP adapters for the Admin, Upload and delivery APIs, and the wiring. */
package io.darkroom.api;
