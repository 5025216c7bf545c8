/** Named and unnamed transformations: the Admin API's create, update, delete, list and details, and their read model. */
package io.darkroom.application.transformation;
