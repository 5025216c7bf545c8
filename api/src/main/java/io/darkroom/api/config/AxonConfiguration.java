package io.darkroom.api.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.api.metrics.AxonMeters;
import io.darkroom.api.web.RequestMetadata;
import io.darkroom.application.blob.BlobCleanupProjection;
import io.darkroom.application.resource.audit.AuditProjection;
import io.darkroom.application.resource.listing.ResourceListingProjection;
import io.darkroom.application.transformation.TransformationListingProjection;
import io.darkroom.domain.resource.Resource;
import io.darkroom.domain.transformation.TransformationDefinition;
import io.darkroom.infrastructure.postgres.PostgresEventStorageEngine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Axon without Axon Server: the JDBC event store in Flyway's snake_case tables, the Resource
 * aggregate, and the projections (listing, audit, blob clean-up) as subscribing processors that
 * run inside the command's transaction and propagate their failures (so a failed projection
 * rolls back the event instead of silently diverging).
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {
    /**
     * The clock of every event's timestamp, ticking in milliseconds: the event store keeps timestamps to the millisecond,
     * so a projection handling a new event must see the time a replay will read back. With the system clock's
     * microseconds, a read model kept live (derived files' {@code created_at}) differed from the same one rebuilt.
     */
    public static final java.time.Clock EVENT_CLOCK = java.time.Clock.tick(java.time.Clock.systemUTC(), java.time.Duration.ofMillis(1));

    static {
        org.axonframework.eventhandling.GenericEventMessage.clock = EVENT_CLOCK;
    }

    /**
     * The embedded event store as Axon's auto-configuration builds it, but each streaming processor reads its own batches:
     * with consumption optimized, processors share one in-memory chain of fetched events, and a processor far behind the
     * head (the usage processor after a million new events) keeps the whole chain alive until the heap fills (measured:
     * 617k events held, back-to-back full GCs at -Xmx1g).
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder().storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .optimizeEventConsumption(false)
                .build();
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index").eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier").sequenceNumberColumn("sequence_number")
                .typeColumn("type").timestampColumn("time_stamp").payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision").payloadColumn("payload").metaDataColumn("meta_data")
                .build();
    }

    /** Events stored in older shapes are upcast as they are read (Axon registers every upcaster bean in its chain). */
    @Bean
    io.darkroom.infrastructure.eventstore.ResourceUploadedUpcaster resourceUploadedUpcaster() {
        return new io.darkroom.infrastructure.eventstore.ResourceUploadedUpcaster();
    }

    @Bean
    io.darkroom.infrastructure.eventstore.ResourceDeletedUpcaster resourceDeletedUpcaster() {
        return new io.darkroom.infrastructure.eventstore.ResourceDeletedUpcaster();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry").setProcessorNameColumn("processor_name").setSegmentColumn("segment")
                .setTokenColumn("token").setTokenTypeColumn("token_type").setTimestampColumn("timestamp")
                .setOwnerColumn("owner").build();
    }

    /**
     * PostgreSQL reports a taken (aggregate, sequence) slot as SQLSTATE 23505, sometimes wrapped in
     * a BatchUpdateException that Axon's error-code resolver does not look into; recognising it
     * anywhere in the cause chain turns a concurrent append into Axon's ConcurrencyException.
     */
    @Bean
    PersistenceExceptionResolver uniqueViolationResolver() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    return true;
                }
                if (cause instanceof java.sql.BatchUpdateException batch && batch.getNextException() != null
                        && "23505".equals(batch.getNextException().getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * Axon's JDBC engine, as its auto-configuration builds it, with the changes of
     * {@link PostgresEventStorageEngine} (snapshot and events in one query, prefetching), and snapshots
     * written with {@link #SNAPSHOTS}.
     */
    @Bean
    PostgresEventStorageEngine eventStorageEngine(PersistenceExceptionResolver persistenceExceptionResolver,
                                                  @Qualifier("eventSerializer") Serializer eventSerializer,
                                                  org.axonframework.config.Configuration configuration, ConnectionProvider connectionProvider,
                                                  TransactionManager transactionManager, EventSchema eventSchema) {
        return new PostgresEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(SNAPSHOTS)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema), connectionProvider);
    }

    /**
     * Snapshots hold an aggregate's fields as JSON (the domain has no getters and no Jackson
     * annotations). An aggregate whose fields change takes a new {@code @Revision}; snapshots of
     * another revision are then ignored (Axon's revision filter) and replaced as they are taken again.
     */
    static final Serializer SNAPSHOTS = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper()
                    .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                    .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY))
            .build();

    /**
     * One background thread for snapshots, so no request waits for one. A snapshot is only a
     * shortcut: when the queue is full it is skipped (counted in {@code darkroom.snapshots.skipped}),
     * and the aggregate's next load, still over the threshold, asks again. Queue length and tasks
     * done are in the {@code executor.*} meters named {@code snapshotter}.
     */
    @Bean
    SnapshotThread snapshotThread(ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        Counter skipped = Counter.builder("darkroom.snapshots.skipped")
                .description("snapshots not taken because the snapshotter's queue was full").register(registry);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), runnable -> {
            Thread thread = new Thread(runnable, "snapshotter");
            thread.setDaemon(true);
            return thread;
        }, (task, pool) -> skipped.increment());
        ExecutorServiceMetrics.monitor(registry, executor, "snapshotter");
        return new SnapshotThread(executor);
    }

    /**
     * The snapshotter's executor, wrapped so that it is not an {@code Executor} bean: one of those
     * would replace Spring Boot's own task executor.
     */
    record SnapshotThread(ThreadPoolExecutor executor) implements AutoCloseable {
        @Override
        public void close() {
            executor.shutdownNow();
        }
    }

    @Bean
    AggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                              HandlerDefinition handlerDefinition,
                                              ParameterResolverFactory parameterResolverFactory,
                                              EventStore eventStore, TransactionManager transactionManager,
                                              SnapshotThread snapshotThread) {
        return AggregateSnapshotter.builder()
                .aggregateFactories(new GenericAggregateFactory<>(Resource.class))
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .executor(snapshotThread.executor())
                .build();
    }

    @Bean
    ConfigurerModule darkroomAxonModule(@Value("${darkroom.snapshot-threshold:10}") int snapshotThreshold,
                                        ObjectProvider<MeterRegistry> meters) {
        return configurer -> {
            // a load reads the latest snapshot and at most about this many events after it, however long the history
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Resource.class)
                    .configureSnapshotTrigger(c -> ResourceSnapshotTrigger.definition(c.snapshotter(), snapshotThreshold)));
            configurer.configureAggregate(TransformationDefinition.class);
            configurer.configureAggregate(io.darkroom.domain.preset.UploadPreset.class);
            configurer.configureAggregate(io.darkroom.domain.folder.Folder.class);
            configurer.configureAggregate(io.darkroom.domain.optimizer.OptimizerSetup.class);
            configurer.configureAggregate(io.darkroom.domain.optimizer.OptimizedMedia.class);
            for (String group : List.of(ResourceListingProjection.PROCESSING_GROUP, AuditProjection.PROCESSING_GROUP,
                    BlobCleanupProjection.PROCESSING_GROUP,
                    io.darkroom.application.resource.restore.VersionProjection.PROCESSING_GROUP,
                    TransformationListingProjection.PROCESSING_GROUP,
                    io.darkroom.application.preset.PresetListingProjection.PROCESSING_GROUP,
                    io.darkroom.application.folder.FolderProjection.PROCESSING_GROUP,
                    io.darkroom.application.notification.ResourceNotifications.PROCESSING_GROUP,
                    io.darkroom.application.derivation.DerivedResourceProjection.PROCESSING_GROUP,
                    io.darkroom.application.optimizer.setup.OptimizerProjection.PROCESSING_GROUP,
                    io.darkroom.application.optimizer.media.OptimizedMediaProjection.PROCESSING_GROUP)) {
                configurer.eventProcessing().registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance());
            }
            AxonMeters axonMeters = new AxonMeters(meters.getIfAvailable(SimpleMeterRegistry::new));
            configurer.eventProcessing().registerDefaultHandlerInterceptor((config, processor) -> axonMeters.events(processor));
            configurer.onInitialize(config -> config.onStart(Integer.MIN_VALUE, () -> {
                config.commandBus().registerDispatchInterceptor(RequestMetadata.dispatchInterceptor());
                config.commandBus().registerHandlerInterceptor(axonMeters.commands());
            }));
        };
    }

    /** Copies who, from where and in which request onto every event a command produces. */
    @Bean
    CorrelationDataProvider requestCorrelation() {
        return new SimpleCorrelationDataProvider(RequestMetadata.ACTOR, RequestMetadata.REQUEST_ID, RequestMetadata.CLIENT_ADDRESS,
                RequestMetadata.NOTIFICATION_URL);
    }
}
