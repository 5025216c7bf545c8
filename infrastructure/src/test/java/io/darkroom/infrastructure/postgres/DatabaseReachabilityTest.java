package io.darkroom.infrastructure.postgres;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseReachabilityTest {

    @Test
    void a_failed_rollback_on_a_closed_connection_is_an_outage() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        assertThat(DatabaseReachability.isUnreachable(new RuntimeException(rollback))).isTrue();
    }

    @Test
    void a_server_shutting_down_is_an_outage_even_when_only_suppressed() {
        RuntimeException failure = new RuntimeException("rollback failed too");
        failure.addSuppressed(new SQLException("terminating connection due to administrator command", "57P01"));
        assertThat(DatabaseReachability.isUnreachable(failure)).isTrue();
        assertThat(DatabaseReachability.isUnreachable(new SQLException("refused", "08001"))).isTrue();
    }

    @Test
    void constraint_violations_and_bugs_are_not_outages() {
        assertThat(DatabaseReachability.isUnreachable(new DataIntegrityViolationException("dup",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseReachability.isUnreachable(new IllegalStateException("bug"))).isFalse();
    }
}
