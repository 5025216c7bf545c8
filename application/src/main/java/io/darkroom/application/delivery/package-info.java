/** What delivery needs beyond derivations: the feed of changes that make cached answers wrong. */
package io.darkroom.application.delivery;
