/** Admin API: updating, renaming and deleting resources and their derived files. */
package io.darkroom.api.resource.manage;
