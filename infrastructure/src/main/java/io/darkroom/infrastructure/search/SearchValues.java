package io.darkroom.infrastructure.search;

import io.darkroom.application.search.SearchField;
import io.darkroom.application.search.SearchSyntaxException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The typed values of search expressions: numbers, sizes with units ({@code 1m} = 1 MiB; {@code k}, {@code kb},
 * {@code m}, {@code mb}, {@code g}, {@code gb}), aspect ratios ({@code 1.5} or {@code 3:2}), times (ISO dates and
 * instants, or ages before now: {@code 12h}, {@code 3d}, {@code 1w}, {@code 2m} months of 30 days, {@code 1y}).
 */
final class SearchValues {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|m|mb|g|gb)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern AGE = Pattern.compile("(\\d{1,6})([hdwmy])", Pattern.CASE_INSENSITIVE);
    private static final Pattern RATIO = Pattern.compile("(\\d{1,9}(?:\\.\\d+)?)(?::(\\d{1,9}(?:\\.\\d+)?))?");

    private SearchValues() {
    }

    /** A time: either a moment or, for a bare date, the day it starts (with {@code day} true). */
    record Moment(Instant at, boolean day, boolean age) {
    }

    static long number(SearchField field, String value, int position) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new SearchSyntaxException(name(field) + " needs a whole number, not '" + value + "'", position);
        }
    }

    static long size(String value, int position) {
        Matcher m = SIZE.matcher(value.strip());
        if (!m.matches()) {
            throw new SearchSyntaxException("bytes needs a size such as 2048, 500kb or 1m, not '" + value + "'", position);
        }
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        long factor = switch (unit.charAt(0)) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor));
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
            throw new SearchSyntaxException("bytes value is too large: " + value, position);
        }
        return bytes.longValue();
    }

    static BigDecimal ratio(String value, int position) {
        Matcher m = RATIO.matcher(value.strip());
        if (!m.matches()) {
            throw new SearchSyntaxException("aspect_ratio needs a number such as 1.5 or a ratio such as 16:9, not '" + value + "'",
                    position);
        }
        BigDecimal first = new BigDecimal(m.group(1));
        if (m.group(2) == null) {
            return first;
        }
        BigDecimal second = new BigDecimal(m.group(2));
        if (second.signum() == 0) {
            throw new SearchSyntaxException("aspect_ratio cannot divide by zero: " + value, position);
        }
        return first.divide(second, 6, java.math.RoundingMode.HALF_EVEN);
    }

    static Moment moment(String value, Clock clock, int position) {
        String text = value.strip();
        Matcher age = AGE.matcher(text);
        if (age.matches()) {
            long n = Long.parseLong(age.group(1));
            long hours = switch (Character.toLowerCase(age.group(2).charAt(0))) {
                case 'h' -> n;
                case 'd' -> n * 24;
                case 'w' -> n * 24 * 7;
                case 'm' -> n * 24 * 30;
                default -> n * 24 * 365;
            };
            return new Moment(clock.instant().minus(hours, ChronoUnit.HOURS), false, true);
        }
        try {
            if (text.length() == 10) {
                return new Moment(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant(), true, false);
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return new Moment(OffsetDateTime.parse(text).toInstant(), false, false);
            }
            return new Moment(java.time.LocalDateTime.parse(text).toInstant(ZoneOffset.UTC), false, false);
        } catch (DateTimeParseException e) {
            throw new SearchSyntaxException("created_at and uploaded_at need a date (2026-12-01), an instant "
                    + "(2026-12-01T10:00:00Z) or an age (12h, 3d, 1w, 2m, 1y), not '" + value + "'", position);
        }
    }

    private static String name(SearchField field) {
        return field.name().toLowerCase(Locale.ROOT);
    }
}
