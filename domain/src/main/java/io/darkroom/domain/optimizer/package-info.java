/**
 * The Media Optimizer configuration of a cloud: media sources, mapping functions and delivery profiles, kept together in
 * one {@link io.darkroom.domain.optimizer.OptimizerSetup} aggregate per cloud so that the rules between them (a profile
 * names sources and a function that exist; nothing in use is deleted; two enabled profiles never claim one domain and
 * path prefix) hold under concurrent changes on any number of nodes.
 */
package io.darkroom.domain.optimizer;
