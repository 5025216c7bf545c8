/** Value objects naming a cloud: the tenant every aggregate belongs to. */
package io.darkroom.domain.cloud;
