/** The Search API over PostgreSQL: expressions compiled to parameterised SQL on the listing rows. */
package io.darkroom.infrastructure.search;
