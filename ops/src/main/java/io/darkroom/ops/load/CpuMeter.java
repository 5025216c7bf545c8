package io.darkroom.ops.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used by processes on this machine, from {@code /proc} (Linux): one process by pid (a JVM counts all its
 * threads), or every process of one command name (PostgreSQL's server and backends). Read before and after a run, the
 * difference over the requests of the run is the CPU one request costs there.
 */
final class CpuMeter {
    private static final double TICKS_PER_SECOND = 100.0;

    private CpuMeter() {
    }

    /** CPU seconds (user + system) the process has used, or 0 when it is gone. */
    static double ofProcess(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** CPU seconds used by every running process named {@code command} (for PostgreSQL: its server and backends). */
    static double ofCommand(String command) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(dir -> {
                        try {
                            return Files.readString(dir.resolve("comm")).strip().equals(command);
                        } catch (IOException gone) {
                            return false;
                        }
                    })
                    .mapToDouble(dir -> ofProcess(Long.parseLong(dir.getFileName().toString()))).sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
