package io.darkroom.application.notification;

import java.util.Map;

/** Each cloud's default notification URL ({@code DARKROOM_CLOUDS_N_NOTIFICATION_URL}): where its changes are notified when the call names none. */
public final class DefaultNotificationUrls {
    private final Map<String, String> byCloud;

    public DefaultNotificationUrls(Map<String, String> byCloud) {
        this.byCloud = Map.copyOf(byCloud);
    }

    /** The cloud's default, or null. */
    public String of(String cloud) {
        return byCloud.get(cloud);
    }
}
