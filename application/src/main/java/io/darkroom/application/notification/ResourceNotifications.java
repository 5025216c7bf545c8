package io.darkroom.application.notification;

import io.darkroom.application.support.IdGenerator;
import io.darkroom.domain.resource.ResourceDeleted;
import io.darkroom.domain.resource.ResourceRenamed;
import io.darkroom.domain.resource.ResourceUploaded;
import io.darkroom.domain.resource.ResourceVersionUploaded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Queues the notification of an upload, rename or delete: to the notification URL its request named (event metadata
 * {@value #NOTIFICATION_URL}), else to its cloud's default one, whichever API made the change. It runs in the change's own transaction, so the change and
 * its notification commit together or not at all; sending happens after the commit ({@link Webhooks}). Never replayed:
 * rebuilding read models must not notify again.
 */
@ProcessingGroup(ResourceNotifications.PROCESSING_GROUP)
public class ResourceNotifications {
    public static final String PROCESSING_GROUP = "notifications";
    public static final String NOTIFICATION_URL = "notificationUrl";

    private final WebhookQueue queue;
    private final NotificationBodies bodies;
    private final Webhooks webhooks;
    private final IdGenerator ids;
    private final DefaultNotificationUrls defaults;

    public ResourceNotifications(WebhookQueue queue, NotificationBodies bodies, Webhooks webhooks, IdGenerator ids,
                                 DefaultNotificationUrls defaults) {
        this.defaults = defaults;
        this.queue = queue;
        this.bodies = bodies;
        this.webhooks = webhooks;
        this.ids = ids;
    }

    @EventHandler
    void on(ResourceUploaded event, EventMessage<?> message) {
        String url = urlOf(event.cloud(), message);
        if (url != null) {
            add(event.cloud(), "upload", url, bodies.uploaded(event, message.getTimestamp(), requestId(message)));
        }
    }

    @EventHandler
    void on(ResourceVersionUploaded event, EventMessage<?> message) {
        String url = urlOf(event.cloud(), message);
        if (url != null) {
            add(event.cloud(), "upload", url, bodies.versionUploaded(event, null, message.getTimestamp(), requestId(message)));
        }
    }

    @EventHandler
    void on(io.darkroom.domain.resource.ResourceMoved event, EventMessage<?> message) {
        String url = urlOf(event.cloud(), message);
        if (url != null) {
            add(event.cloud(), "move", url, bodies.moved(event, message.getTimestamp(), requestId(message)));
        }
    }

    @EventHandler
    void on(io.darkroom.domain.resource.ResourceDisplayNameChanged event, EventMessage<?> message) {
        String url = urlOf(event.cloud(), message);
        if (url != null) {
            add(event.cloud(), "resource_display_name_changed", url,
                    bodies.displayNameChanged(event, message.getTimestamp(), requestId(message)));
        }
    }

    @EventHandler
    void on(ResourceRenamed event, EventMessage<?> message) {
        String url = urlOf(event.cloud(), message);
        if (url != null) {
            add(event.cloud(), "rename", url, bodies.renamed(event, message.getTimestamp(), requestId(message)));
        }
    }

    @EventHandler
    void on(ResourceDeleted event, EventMessage<?> message) {
        String url = urlOf(event.cloud(), message);
        if (url != null) {
            add(event.cloud(), "delete", url, bodies.deleted(event, message.getTimestamp(), requestId(message)));
        }
    }

    private void add(String cloud, String kind, String url, byte[] body) {
        queue.add(ids.hex32(), cloud, kind, url, body);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unit -> webhooks.nudge());
        } else {
            webhooks.nudge();
        }
    }

    private String urlOf(String cloud, EventMessage<?> message) {
        Object url = message.getMetaData().get(NOTIFICATION_URL);
        return url == null || url.toString().isBlank() ? defaults.of(cloud) : url.toString();
    }

    private static String requestId(EventMessage<?> message) {
        Object id = message.getMetaData().get("requestId");
        return id == null ? null : id.toString();
    }
}
