/** Upload presets: their Admin API use cases, their read model, and how an upload finds the preset it names. */
package io.darkroom.application.preset;
