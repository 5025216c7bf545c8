/** Media Optimizer delivery: profile by domain and longest prefix, mapping, origin, derivation per media key and variant. */
package io.darkroom.application.optimizer.delivery;
