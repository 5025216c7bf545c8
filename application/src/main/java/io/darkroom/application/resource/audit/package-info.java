/** The audit trail: who changed what and when, per asset (from the event store) and per cloud (a projection). */
package io.darkroom.application.resource.audit;
