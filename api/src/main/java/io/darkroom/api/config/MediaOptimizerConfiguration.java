package io.darkroom.api.config;

import io.darkroom.application.optimizer.OptimizerConfiguration;
import io.darkroom.application.optimizer.OptimizerDomains;
import io.darkroom.application.optimizer.OptimizerProjection;
import io.darkroom.application.support.Commands;
import io.darkroom.infrastructure.crypto.AesGcmSecretCipher;
import io.darkroom.infrastructure.crypto.MasterKey;
import io.darkroom.infrastructure.optimizer.GraalMappingEngine;
import io.darkroom.infrastructure.optimizer.JdbcOptimizerCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The Media Optimizer: its read model and projection, the mapping-function sandbox, and the configuration calls. */
@Configuration(proxyBeanMethods = false)
public class MediaOptimizerConfiguration {
    @Bean
    JdbcOptimizerCatalog optimizerCatalog(JdbcTemplate jdbc) {
        return new JdbcOptimizerCatalog(jdbc);
    }

    @Bean
    OptimizerProjection optimizerProjection(JdbcOptimizerCatalog catalog) {
        return new OptimizerProjection(catalog);
    }

    @Bean(destroyMethod = "close")
    GraalMappingEngine mappingEngine(DarkroomProperties properties) {
        DarkroomProperties.MediaOptimizer settings = properties.mediaOptimizer();
        return new GraalMappingEngine(settings.mappingDeadline(), settings.mappingParallel(), settings.mappingQueueWait());
    }

    @Bean
    OptimizerDomains optimizerDomains(DarkroomProperties properties) {
        Map<String, List<String>> configured = new HashMap<>();
        for (DarkroomProperties.CloudEntry entry : properties.clouds()) {
            if (entry.mediaOptimizerDomains() != null) {
                configured.put(CloudinaryUrl.parse(entry.url(), 0).name(), entry.mediaOptimizerDomains());
            }
        }
        return new OptimizerDomains(properties.mediaOptimizer().domainSuffix(), configured);
    }

    @Bean
    OptimizerConfiguration optimizerConfiguration(Commands commands, JdbcOptimizerCatalog catalog, OptimizerDomains domains,
                                                  MasterKey masterKey, GraalMappingEngine engine) {
        return new OptimizerConfiguration(commands, catalog, domains, new AesGcmSecretCipher(masterKey), engine);
    }
}
