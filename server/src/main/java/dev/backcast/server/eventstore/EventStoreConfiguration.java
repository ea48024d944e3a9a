package dev.backcast.server.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import dev.backcast.command.web.idempotency.IdempotencyInterceptor;
import dev.backcast.command.web.idempotency.IdempotencyStore;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import dev.backcast.server.demo.DemoPlans;
import dev.backcast.server.time.EventTimestamps;
import dev.backcast.server.time.RecordingClock;
import dev.backcast.server.time.WorldTime;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import javax.cache.Caching;
import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * Axon on PostgreSQL: the JDBC event store and token store on the snake_case tables Flyway creates, Jackson for every
 * serialized message and snapshot, snapshots taken off the command thread, and a plan cache.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    /** PostgreSQL's unique_violation: another writer appended the same revision of the plan first. */
    private static final String UNIQUE_VIOLATION = "23505";

    @Bean
    @ConditionalOnMissingBean
    WorldTime worldTime() {
        return Instant::now;
    }

    @Bean
    RecordingClock clock(@Value("${backcast.time-zone}") String timeZone, WorldTime worldTime) {
        return new RecordingClock(ZoneId.of(timeZone), worldTime);
    }

    /** Axon stamps events with the application clock too, so demo history is recorded at its own moments. */
    @Bean
    EventTimestamps eventTimestamps(RecordingClock clock) {
        return new EventTimestamps(clock);
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** Processors' positions, in the same transaction as the read models they update. */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .build();
    }

    /**
     * The default resolver does not recognise PostgreSQL's duplicate key error; without this a race between two
     * writers of one plan would surface as a failure instead of a retryable {@link ConcurrencyException}.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    @Bean
    @Primary
    Serializer serializer(ObjectMapper objectMapper) {
        return jackson(objectMapper);
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(ObjectMapper objectMapper) {
        return jackson(objectMapper);
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(ObjectMapper objectMapper) {
        return jackson(objectMapper);
    }

    /**
     * Stored events and snapshots are read tolerantly (a field added later must not break old records); requests are
     * read strictly by the web's own mapper.
     */
    private static Serializer jackson(ObjectMapper objectMapper) {
        ObjectMapper tolerant = objectMapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return JacksonSerializer.builder().objectMapper(tolerant).build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer serializer, PersistenceExceptionResolver exceptionResolver,
                                          Configuration configuration, ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager, EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(exceptionResolver)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .build();
    }

    /** Snapshots are written by their own thread, so a command never waits for one. */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(Configuration configuration, EventStore eventStore,
                                                    TransactionManager transactionManager,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    HandlerDefinition handlerDefinition) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .executor(Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "plan-snapshotter");
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
    }

    @Bean
    SnapshotTriggerDefinition planSnapshotTrigger(Snapshotter snapshotter,
                                                  @Value("${backcast.snapshot-threshold}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Plans stay loaded between commands, so a command costs one append instead of a history read. Stored by
     * reference: Axon's aggregates are not serializable, and a rolled-back command evicts its plan.
     */
    @Bean
    Cache planCache(javax.cache.CacheManager planCacheManager, @Value("${backcast.plan-cache-size}") long size) {
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
        configuration.setStoreByValue(false);
        configuration.setMaximumSize(OptionalLong.of(size));
        return new JCacheAdapter(planCacheManager.createCache("plans", configuration));
    }

    /** A cache manager of this application alone: two applications in one JVM must never share cached plans. */
    @Bean(destroyMethod = "close")
    javax.cache.CacheManager planCacheManager() {
        CaffeineCachingProvider provider = (CaffeineCachingProvider) Caching.getCachingProvider(
                CaffeineCachingProvider.class.getName());
        return provider.getCacheManager(URI.create("backcast:plans:" + UUID.randomUUID()),
                EventStoreConfiguration.class.getClassLoader());
    }

    /**
     * A projection that fails on an event stops and retries that segment instead of skipping the event: a read model
     * that silently misses an event would disagree with the event store for ever.
     */
    @Bean
    ConfigurerModule projectionsRetryInsteadOfSkipping() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

    /** Every event names its author and the request it came from. */
    @Bean
    CorrelationDataProvider authorAndCorrelation() {
        return new SimpleCorrelationDataProvider("author", "correlationId", DemoPlans.DEMO);
    }

    /** Axon registers every handler interceptor bean on the command bus, inside the command's transaction. */
    @Bean
    IdempotencyInterceptor idempotencyInterceptor(IdempotencyStore store, ObjectMapper objectMapper) {
        return new IdempotencyInterceptor(store, objectMapper);
    }
}
