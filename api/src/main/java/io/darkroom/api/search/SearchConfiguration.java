package io.darkroom.api.search;

import io.darkroom.application.search.ResourceSearch;
import io.darkroom.application.support.CursorCodec;
import io.darkroom.infrastructure.search.JdbcSearchIndex;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/** The Search API: searches run on their own JdbcTemplate, whose statements time out after {@code darkroom.search-timeout}. */
@Configuration(proxyBeanMethods = false)
public class SearchConfiguration {
    @Bean
    ResourceSearch resourceSearch(DataSource dataSource, Clock clock, CursorCodec cursors,
                                  @Value("${darkroom.search-timeout:5s}") Duration timeout) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
        return new ResourceSearch(new JdbcSearchIndex(jdbc, clock), cursors);
    }
}
