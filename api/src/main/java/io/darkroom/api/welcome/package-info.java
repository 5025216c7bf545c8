/** A newcomer's first minutes: the start-up banner, the SDK URL it prints for a new cloud, and the page at /. */
package io.darkroom.api.welcome;
