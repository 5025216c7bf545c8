/** Delivery: serving stored originals at the URLs upload and admin responses give. */
package io.darkroom.api.delivery;
