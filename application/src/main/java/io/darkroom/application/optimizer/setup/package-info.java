/** Media Optimizer setup: media sources, mapping functions, delivery profiles and domains (the API's configuration calls) and their read model. */
package io.darkroom.application.optimizer.setup;
