package io.darkroom.domain.resource;

/** How a tag command changes a resource's tags. */
public enum TagOperation { ADD, REMOVE, REPLACE, REMOVE_ALL }
