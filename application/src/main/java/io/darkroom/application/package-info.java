/** Use cases, projections and queries of Darkroom; declares the ports that infrastructure implements. */
package io.darkroom.application;
