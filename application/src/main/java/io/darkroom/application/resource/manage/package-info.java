/** Changing and removing resources: updates, tag and context commands, destroy, rename, bulk deletion. */
package io.darkroom.application.resource.manage;
