package io.darkroom.infrastructure.postgres;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure caused by PostgreSQL being unreachable (stopped, restarting, network
 * gone) anywhere in an exception's cause chain, however Spring, HikariCP or Axon wrapped it.
 */
public final class DatabaseReachability {
    private static final int MAX_DEPTH = 32;

    private DatabaseReachability() {
    }

    /**
     * Looks through causes and suppressed exceptions (a failed rollback hides the original
     * failure there, and HikariCP's "Connection is closed" carries no SQL state).
     */
    public static boolean isUnreachable(Throwable failure) {
        java.util.Deque<Throwable> pending = new java.util.LinkedList<>(); // LinkedList takes the null causes
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        pending.add(failure);
        while (!pending.isEmpty() && seen.size() < MAX_DEPTH) {
            Throwable t = pending.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && (isConnectionState(sql.getSQLState()) || isClosedConnection(sql))) {
                return true;
            }
            if (t instanceof org.springframework.transaction.TransactionSystemException tx) {
                pending.add(tx.getApplicationException());
            }
            pending.add(t.getCause());
            pending.addAll(java.util.List.of(t.getSuppressed()));
        }
        return false;
    }

    private static boolean isClosedConnection(SQLException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("connection is closed") || message.contains("connection has been closed");
    }

    /** Class 08 (connection exception) and 57P01-57P03 (server shutting down or starting up). */
    private static boolean isConnectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03"));
    }
}
