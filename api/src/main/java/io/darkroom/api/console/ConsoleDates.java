package io.darkroom.api.console;

import io.darkroom.application.support.DarkroomException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The day a console filter's date field holds ({@code 2026-12-07}, as {@code <input type=date>} sends it). */
final class ConsoleDates {
    private ConsoleDates() {
    }

    /** Null for a blank field; a 400 naming the field for anything but a date. */
    static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DarkroomException.badRequest(field + " is a date such as 2026-12-07");
        }
    }
}
