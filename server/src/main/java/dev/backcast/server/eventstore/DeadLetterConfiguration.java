package dev.backcast.server.eventstore;

import dev.backcast.query.plans.PlanProjection;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An event the plans projection cannot handle is parked in Axon's JDBC sequenced dead-letter queue (table
 * {@code dead_letter_entry}, migration V8) together with the later events of its plan, so every other plan goes on
 * and nothing loops for ever; administrators see it in {@code /api/admin/projections} and retry or discard it.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    static final DeadLetterSchema SCHEMA = DeadLetterSchema.builder()
            .deadLetterTable("dead_letter_entry")
            .deadLetterIdentifierColumn("dead_letter_id")
            .processingGroupColumn("processing_group")
            .sequenceIdentifierColumn("sequence_identifier")
            .sequenceIndexColumn("sequence_index")
            .messageTypeColumn("message_type")
            .eventIdentifierColumn("event_identifier")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .aggregateTypeColumn("type")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .tokenTypeColumn("token_type")
            .tokenColumn("token")
            .enqueuedAtColumn("enqueued_at")
            .lastTouchedColumn("last_touched")
            .processingStartedColumn("processing_started")
            .causeTypeColumn("cause_type")
            .causeMessageColumn("cause_message")
            .diagnosticsColumn("diagnostics")
            .build();

    /**
     * A rebuild starts from an empty queue: the replay parks again whatever still fails. The handler remembers which
     * plans have parked events instead of asking the database before every event.
     */
    @Bean
    ConfigurerModule planProjectionDeadLetters(ConnectionProvider connectionProvider,
                                               TransactionManager transactionManager, Serializer serializer,
                                               @Qualifier("eventSerializer") Serializer eventSerializer) {
        return configurer -> configurer.eventProcessing()
                .registerDeadLetterQueue(PlanProjection.PROCESSOR, configuration ->
                        JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                .processingGroup(PlanProjection.PROCESSOR)
                                .connectionProvider(connectionProvider)
                                .transactionManager(transactionManager)
                                .schema(SCHEMA)
                                .genericSerializer(serializer)
                                .eventSerializer(eventSerializer)
                                .build())
                .registerDeadLetteringEventHandlerInvokerConfiguration(PlanProjection.PROCESSOR,
                        (configuration, invoker) -> invoker.allowReset(true).enableSequenceIdentifierCache());
    }
}
