package io.darkroom.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Who made the current request, from where, under which id: attached to every command (and by
 * correlation to every event) as metadata. The actor is the API key, never a secret.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class RequestMetadata extends OncePerRequestFilter {
    public static final String ACTOR = "actor";
    public static final String REQUEST_ID = "requestId";
    public static final String CLIENT_ADDRESS = "clientAddress";
    /** Where the current request's change is to be notified (events carry it to the notifications projection). */
    public static final String NOTIFICATION_URL = "notificationUrl";

    private static final ThreadLocal<Map<String, String>> CURRENT = new ThreadLocal<>();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = FastIds.uuid();
        Map<String, String> metadata = new HashMap<>();
        metadata.put(REQUEST_ID, requestId);
        metadata.put(CLIENT_ADDRESS, request.getRemoteAddr());
        metadata.put(ACTOR, "anonymous");
        CURRENT.set(metadata);
        MDC.put(REQUEST_ID, requestId);
        response.setHeader("X-Request-Id", requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
            MDC.remove(REQUEST_ID);
        }
    }

    /** Records the authenticated API key as the actor of the current request. */
    public static void actor(String apiKey) {
        Map<String, String> metadata = CURRENT.get();
        if (metadata != null) {
            metadata.put(ACTOR, apiKey);
        }
    }

    /** Records where the current request's change is to be notified. */
    public static void notificationUrl(String url) {
        Map<String, String> metadata = CURRENT.get();
        if (metadata != null) {
            metadata.put(NOTIFICATION_URL, url);
        }
    }

    /** The client's address as the server sees it (the proxy's, behind a reverse proxy). */
    public static String clientAddress() {
        Map<String, String> metadata = CURRENT.get();
        return metadata == null ? "unknown" : metadata.getOrDefault(CLIENT_ADDRESS, "unknown");
    }

    /** The current request's metadata (actor, request id, client address), for work that goes on after it answers. */
    public static Map<String, String> current() {
        Map<String, String> metadata = CURRENT.get();
        return metadata == null ? Map.of(ACTOR, "system") : Map.copyOf(metadata);
    }

    public static String requestId() {
        Map<String, String> metadata = CURRENT.get();
        return metadata == null ? "none" : metadata.get(REQUEST_ID);
    }

    /**
     * An executor that runs each task with the submitting request's metadata, so commands sent
     * from worker threads (parallel bulk work) still name their actor and request.
     */
    public static java.util.concurrent.Executor propagating(java.util.concurrent.Executor delegate) {
        return task -> {
            Map<String, String> metadata = CURRENT.get();
            Map<String, String> copy = metadata == null ? null : new HashMap<>(metadata);
            delegate.execute(() -> {
                CURRENT.set(copy);
                try {
                    task.run();
                } finally {
                    CURRENT.remove();
                }
            });
        };
    }

    public static MessageDispatchInterceptor<CommandMessage<?>> dispatchInterceptor() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
                return (index, command) -> {
                    Map<String, String> metadata = CURRENT.get();
                    if (metadata == null) {
                        // work done for an earlier request (a folder rename) carries that request's metadata already
                        return command.getMetaData().containsKey(ACTOR) ? command : command.andMetaData(Map.of(ACTOR, "system"));
                    }
                    return command.andMetaData(Map.copyOf(metadata));
                };
            }
        };
    }
}
