/** The Search API ({@code /resources/search}) over the search read model. */
package io.darkroom.api.search;
