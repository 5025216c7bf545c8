/**
 * The admin console (decision 018): server-rendered pages under {@code /console} (Thymeleaf, htmx from its WebJar),
 * sessions from a cloud's key and secret, CSRF tokens on every change.
 */
package io.darkroom.api.console;
