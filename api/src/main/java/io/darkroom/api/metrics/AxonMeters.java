package io.darkroom.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.concurrent.TimeUnit;

/**
 * Command and event processing as Prometheus sees it: {@code darkroom_commands_seconds} per command
 * type and outcome, and {@code darkroom_events_handled_seconds} per event processor and outcome, timed
 * by handler interceptors (Axon's own Micrometer module registers into no registry on Boot 4 here).
 */
public final class AxonMeters {
    private AxonMeters() {
    }

    public static MessageHandlerInterceptor<CommandMessage<?>> commands(MeterRegistry registry) {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
                return timed(registry, Timer.builder("darkroom.commands").description("commands handled")
                        .tag("command", unitOfWork.getMessage().getPayloadType().getSimpleName()), chain);
            }
        };
    }

    public static MessageHandlerInterceptor<EventMessage<?>> events(MeterRegistry registry, String processor) {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
                return timed(registry, Timer.builder("darkroom.events.handled").description("events handled by event processors")
                        .tag("processor", processor), chain);
            }
        };
    }

    private static Object timed(MeterRegistry registry, Timer.Builder timer, InterceptorChain chain) throws Exception {
        long start = System.nanoTime();
        String outcome = "failed";
        try {
            Object result = chain.proceed();
            outcome = "handled";
            return result;
        } finally {
            timer.tag("outcome", outcome).register(registry).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
