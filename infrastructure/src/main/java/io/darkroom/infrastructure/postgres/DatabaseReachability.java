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

    public static boolean isUnreachable(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Class 08 (connection exception) and 57P01-57P03 (server shutting down or starting up). */
    private static boolean isConnectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03"));
    }
}
