/** The Resource aggregate: one uploaded asset (image, video or raw file) and its versions. */
package io.darkroom.domain.resource;
