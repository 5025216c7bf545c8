package io.darkroom.api.resource.upload;

import io.darkroom.api.web.ApiParameters;
import io.darkroom.api.web.RequestMetadata;
import io.darkroom.application.notification.NotificationUrl;

import java.util.Map;

/**
 * The notification URL of a change: the call's {@code notification_url}, else the cloud's default
 * ({@code DARKROOM_CLOUDS_N_NOTIFICATION_URL}). It travels as request metadata onto the change's events, where
 * {@code ResourceNotifications} queues the notification. The address rules (no private
 * addresses unless allowed) are applied when it is sent, to the address the name has then.
 */
public class NotificationUrls {
    private final Map<String, String> defaults;

    public NotificationUrls(Map<String, String> defaults) {
        this.defaults = defaults;
    }

    /** Puts the request's notification URL into its metadata and answers it (null: none); a 400 when it is no http or https URL. */
    public String apply(String cloud, ApiParameters params) {
        String url = NotificationUrl.checked("notification_url", params.get("notification_url"));
        if (url == null) {
            url = defaults.get(cloud);
        }
        if (url != null) {
            RequestMetadata.notificationUrl(url);
        }
        return url;
    }
}
