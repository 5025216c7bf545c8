package io.darkroom.ops.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** The yardstick of rebuild rates: a plain {@code SELECT} of the event table streamed over JDBC, printed and answered in events/s. */
final class EventTableScan {
    private EventTableScan() {
    }

    static double rate(Connection db) throws Exception {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        long start = System.nanoTime();
        long scanned = 0;
        long bytes = 0;
        try (Statement scan = db.createStatement()) {
            scan.setFetchSize(10_000);
            try (ResultSet rs = scan.executeQuery("SELECT global_index, payload, meta_data FROM domain_event_entry ORDER BY global_index")) {
                while (rs.next()) {
                    bytes += rs.getBytes(2).length;
                    scanned++;
                }
            }
        }
        db.commit();
        db.setAutoCommit(autoCommit);
        double rate = scanned / ((System.nanoTime() - start) / 1e9);
        System.out.printf("plain SELECT scan: %,d events (%,d MB of payload) at %,.0f events/s%n", scanned, bytes / 1_000_000, rate);
        return rate;
    }
}
