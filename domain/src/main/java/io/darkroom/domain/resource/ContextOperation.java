package io.darkroom.domain.resource;

/** How a context command changes a resource's context: replace it all, merge keys in, or clear it. */
public enum ContextOperation { REPLACE, ADD, REMOVE_ALL }
