package io.darkroom.application.notification;

import java.net.URI;
import java.util.Map;

/** Port: POSTs a notification through the SSRF rules; the status the receiver answered (a transport failure throws). */
public interface WebhookSender {
    int post(URI url, Map<String, String> headers, byte[] body);
}
