package io.darkroom.api.resource.audit;

import io.darkroom.application.resource.audit.AuditProjection;
import io.darkroom.application.resource.audit.AuditQueries;
import io.darkroom.application.resource.audit.ResourceHistory;
import io.darkroom.application.support.CursorCodec;
import io.darkroom.infrastructure.resource.audit.JdbcAuditLog;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The cloud-wide audit trail (a projection) and an asset's history (read from the event store). */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {
    @Bean
    JdbcAuditLog auditLog(JdbcTemplate jdbc) {
        return new JdbcAuditLog(jdbc);
    }

    @Bean
    AuditProjection auditProjection(JdbcAuditLog log) {
        return new AuditProjection(log);
    }

    @Bean
    AuditQueries auditQueries(JdbcAuditLog log, CursorCodec cursors) {
        return new AuditQueries(log, cursors);
    }

    @Bean
    ResourceHistory resourceHistory(EventStore eventStore) {
        return new ResourceHistory(eventStore);
    }
}
