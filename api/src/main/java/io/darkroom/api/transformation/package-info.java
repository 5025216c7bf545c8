/** Admin API adapter of transformations: create, update, delete, list and details. */
package io.darkroom.api.transformation;
