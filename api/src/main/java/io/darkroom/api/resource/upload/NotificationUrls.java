package io.darkroom.api.resource.upload;

import io.darkroom.api.web.ApiParameters;
import io.darkroom.api.web.RequestMetadata;
import io.darkroom.application.notification.DefaultNotificationUrls;
import io.darkroom.application.notification.NotificationUrl;

/**
 * The notification URL a call names ({@code notification_url}): it travels as request metadata onto the change's events,
 * where {@code ResourceNotifications} queues the notification (to the cloud's default when the call names none). The
 * address rules (no private addresses unless allowed) are applied when it is sent, to the address the name has then.
 */
public class NotificationUrls {
    private final DefaultNotificationUrls defaults;

    public NotificationUrls(DefaultNotificationUrls defaults) {
        this.defaults = defaults;
    }

    /**
     * Puts the call's notification URL into the request's metadata; answers where the call's changes are notified (the
     * cloud's default when it names none; null: nowhere). A 400 when it is no http or https URL.
     */
    public String apply(String cloud, ApiParameters params) {
        String url = NotificationUrl.checked("notification_url", params.get("notification_url"));
        if (url == null) {
            return defaults.of(cloud);
        }
        RequestMetadata.notificationUrl(url);
        return url;
    }
}
