package io.darkroom.api.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The date forms the SDKs send (see {@link ApiParameters#instant}). */
final class Dates {
    /** {@code Date.prototype.toString()} without its trailing {@code (zone name)}. */
    private static final DateTimeFormatter JAVASCRIPT = DateTimeFormatter.ofPattern("EEE MMM dd yyyy HH:mm:ss 'GMT'xx", Locale.ENGLISH);
    private static final Pattern ZONE_NAME = Pattern.compile("\\s*\\([^()]*\\)$");
    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{1,12}");

    private static final List<Function<String, Instant>> FORMS = List.of(
            v -> ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(),
            v -> ZonedDateTime.parse(v, DateTimeFormatter.ISO_DATE_TIME).toInstant(),
            v -> LocalDateTime.parse(v, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC),
            v -> java.time.LocalDate.parse(v, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant(),
            v -> ZonedDateTime.parse(ZONE_NAME.matcher(v).replaceFirst(""), JAVASCRIPT).toInstant());

    private Dates() {
    }

    /** The instant {@code value} names, or null when it is in none of the forms. */
    static Instant parse(String value) {
        if (EPOCH_SECONDS.matcher(value).matches()) {
            return Instant.ofEpochSecond(Long.parseLong(value));
        }
        for (Function<String, Instant> form : FORMS) {
            try {
                return form.apply(value);
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        return null;
    }
}
