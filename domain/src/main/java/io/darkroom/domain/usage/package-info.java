/** Usage that is not a change of an aggregate: traffic metered per node, cloud and minute. */
package io.darkroom.domain.usage;
