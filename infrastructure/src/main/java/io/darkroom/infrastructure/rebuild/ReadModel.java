package io.darkroom.infrastructure.rebuild;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.function.Function;

/**
 * A read model an online rebuild knows: its name, its tables, and its handlers bound to a shadow connection.
 * {@code scratchTables} are written by the handlers but never switched (a projection that queues removed files writes to
 * a scratch copy, never the live queue). {@code processor} names the streaming processor that keeps it live, or is null
 * for one updated in the writers' transactions: a streaming one must skip, after a switch, the events the rebuilt tables
 * hold (usage keeps a watermark).
 */
public record ReadModel(String name, List<String> tables, List<String> scratchTables, Function<Shadow, Object> handlers,
                        String processor, boolean uniqueIndexesOnly) {
    public ReadModel(String name, List<String> tables, List<String> scratchTables, Function<Shadow, Object> handlers,
                     String processor) {
        this(name, tables, scratchTables, handlers, processor, false);
    }

    public ReadModel(String name, List<String> tables, List<String> scratchTables, Function<Shadow, Object> handlers) {
        this(name, tables, scratchTables, handlers, null, false);
    }

    /**
     * For a read model whose handlers find rows only through unique indexes (or only insert): its shadow tables carry
     * only those. The others serve the API's reads, which never touch a shadow table (a switch copies the rows into
     * the live, fully indexed, tables), and keeping them up to date row by row was most of a rebuild's cost.
     */
    public ReadModel withUniqueIndexesOnly() {
        return new ReadModel(name, tables, scratchTables, handlers, processor, true);
    }

    /** What a read model's handlers are given: the shadow connection's JdbcTemplate and transactions. */
    public record Shadow(JdbcTemplate jdbc, TransactionTemplate transactions) {
    }
}
