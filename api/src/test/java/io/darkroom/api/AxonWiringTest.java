package io.darkroom.api;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Guards the Boot 4 / Axon 4.13 ordering fix: JDBC event storage under Spring's transactions. */
class AxonWiringTest extends DarkroomIntegrationTest {
    @Autowired
    TransactionManager axonTransactionManager;

    @Autowired
    EventStorageEngine storageEngine;

    @Test
    void axon_uses_the_jdbc_event_store_and_springs_transaction_manager() {
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(axonTransactionManager).isInstanceOf(SpringTransactionManager.class);
    }
}
