/**
 * The Search API: Cloudinary's search expressions read into a tree ({@link io.darkroom.application.search.SearchExpression}),
 * run by the {@link io.darkroom.application.search.SearchIndex} over the listing read model, which is the search model.
 */
package io.darkroom.application.search;
