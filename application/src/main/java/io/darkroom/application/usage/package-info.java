/** Usage per cloud and day, from events only: the meter that turns traffic into events, the projection, the report. */
package io.darkroom.application.usage;
