/** Small shared pieces of the application layer: its error type and id generation. */
package io.darkroom.application.support;
