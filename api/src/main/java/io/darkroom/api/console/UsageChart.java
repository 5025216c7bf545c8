package io.darkroom.api.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One usage chart drawn on the server as SVG: a line over the days of the range, its highest and latest values as text
 * (and every day's value in a table for screen readers). No chart library: a polyline is all a day series needs.
 */
record UsageChart(String title, String unit, String points, String max, String latest, String from, String to,
                  List<Day> days) {
    static final int WIDTH = 600;
    static final int HEIGHT = 160;

    /** One day of the series, formatted. */
    record Day(String date, String value) {
    }

    static UsageChart of(String title, String field, boolean bytes, List<Map<String, Object>> history) {
        List<Long> values = history.stream().map(day -> ((Number) day.get(field)).longValue()).toList();
        long top = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(0));
        StringBuilder points = new StringBuilder();
        List<Day> days = new ArrayList<>();
        int n = values.size();
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? WIDTH / 2.0 : (double) i * WIDTH / (n - 1);
            double y = HEIGHT - 8 - (double) values.get(i) * (HEIGHT - 16) / top;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            days.add(new Day(String.valueOf(history.get(i).get("date")), format(values.get(i), bytes)));
        }
        long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
        long latest = n == 0 ? 0 : values.get(n - 1);
        return new UsageChart(title, bytes ? "bytes" : "", points.toString().strip(), format(max, bytes), format(latest, bytes),
                n == 0 ? "" : days.get(0).date(), n == 0 ? "" : days.get(n - 1).date(), days);
    }

    /** 1,234 or, for bytes, 1.2 MB. */
    static String format(long value, boolean bytes) {
        if (!bytes) {
            return String.format(Locale.ROOT, "%,d", value);
        }
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        double v = value;
        int unit = 0;
        while (v >= 1000 && unit < units.length - 1) {
            v /= 1000;
            unit++;
        }
        return unit == 0 ? value + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[unit]);
    }
}
