package io.darkroom.api.search;

import io.darkroom.application.search.ResourceSearch;
import io.darkroom.application.support.CursorCodec;
import io.darkroom.infrastructure.search.JdbcSearchIndex;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;

/** The Search API: each search's statements time out after {@code darkroom.search-timeout} (its own transaction's setting). */
@Configuration(proxyBeanMethods = false)
public class SearchConfiguration {
    @Bean
    ResourceSearch resourceSearch(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock,
                                  CursorCodec cursors, @Value("${darkroom.search-timeout:5s}") Duration timeout) {
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        return new ResourceSearch(new JdbcSearchIndex(jdbc, readOnly, clock, timeout), cursors);
    }
}
