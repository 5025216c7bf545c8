package io.darkroom.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Command and event processing as Prometheus sees it: {@code darkroom_commands_seconds} per command
 * type and outcome, and {@code darkroom_events_handled_seconds} per event processor and outcome, timed
 * by handler interceptors (Axon's own Micrometer module registers into no registry on Boot 4 here).
 */
public final class AxonMeters {
    private final MeterRegistry registry;
    /** Timers made once per name, tag and outcome: these run for every command and every handled event. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public AxonMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public MessageHandlerInterceptor<CommandMessage<?>> commands() {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
                return timed("darkroom.commands", "commands handled", "command",
                        unitOfWork.getMessage().getPayloadType().getSimpleName(), chain);
            }
        };
    }

    public MessageHandlerInterceptor<EventMessage<?>> events(String processor) {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
                return timed("darkroom.events.handled", "events handled by event processors", "processor", processor, chain);
            }
        };
    }

    private Object timed(String name, String description, String tag, String value,
                                InterceptorChain chain) throws Exception {
        long start = System.nanoTime();
        String outcome = "failed";
        try {
            Object result = chain.proceed();
            outcome = "handled";
            return result;
        } finally {
            String finalOutcome = outcome;
            timers.computeIfAbsent(name + "|" + value + "|" + outcome,
                    key -> Timer.builder(name).description(description).tag(tag, value).tag("outcome", finalOutcome).register(registry))
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
