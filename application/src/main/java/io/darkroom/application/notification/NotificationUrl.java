package io.darkroom.application.notification;

import io.darkroom.application.support.DarkroomException;

import java.util.regex.Pattern;

/** What a notification URL must look like when it is given (where it may lead is checked when it is called). */
public final class NotificationUrl {
    private static final Pattern HTTP = Pattern.compile("(?i)https?://\\S+");
    private static final int MAX_LENGTH = 2048;

    private NotificationUrl() {
    }

    /** {@code url} itself (null stays null); a 400 naming {@code parameter} when it is no http or https URL. */
    public static String checked(String parameter, String url) {
        if (url != null && (url.length() > MAX_LENGTH || !HTTP.matcher(url).matches())) {
            throw DarkroomException.badRequest("Invalid " + parameter + " " + url + ": an http or https URL");
        }
        return url;
    }
}
