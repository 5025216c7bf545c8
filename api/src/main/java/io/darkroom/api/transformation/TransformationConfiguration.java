package io.darkroom.api.transformation;

import io.darkroom.application.support.Commands;
import io.darkroom.application.support.CursorCodec;
import io.darkroom.application.transformation.TransformationListingProjection;
import io.darkroom.application.transformation.Transformations;
import io.darkroom.infrastructure.transformation.JdbcTransformationCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Named transformations (the Admin API's {@code /transformations}) and their listing read model. */
@Configuration(proxyBeanMethods = false)
public class TransformationConfiguration {
    @Bean
    JdbcTransformationCatalog transformationCatalog(JdbcTemplate jdbc) {
        return new JdbcTransformationCatalog(jdbc);
    }

    @Bean
    TransformationListingProjection transformationListingProjection(JdbcTransformationCatalog catalog) {
        return new TransformationListingProjection(catalog);
    }

    @Bean
    Transformations transformations(Commands commands, JdbcTransformationCatalog catalog, CursorCodec cursors) {
        return new Transformations(commands, catalog, cursors);
    }
}
