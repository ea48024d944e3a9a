package dev.backcast.command.web.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.UUID;

/**
 * Stores the answer to a command sent with an idempotency key inside the command's own transaction, so the events and
 * the key are recorded together or not at all: a retry can never record a decision twice.
 */
public class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    public static final String KEY = "idempotencyKey";
    public static final String PRINCIPAL = "author";
    public static final String REQUEST_HASH = "idempotencyRequestHash";
    public static final String STATUS = "idempotencyStatus";
    public static final String LOCATION = "idempotencyLocation";
    public static final String RESPONSE = "idempotencyResponse";
    public static final String PLAN_ID = "idempotencyPlanId";
    public static final String CREATED_REVISION = "idempotencyCreatedRevision";

    private final IdempotencyStore store;
    private final ObjectMapper json;

    public IdempotencyInterceptor(IdempotencyStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        MetaData metaData = unitOfWork.getMessage().getMetaData();
        Object key = metaData.get(KEY);
        Object result = chain.proceed();
        if (key != null) {
            // A creation handler answers with the new plan's id; the write named the revision it creates.
            long revision = result instanceof Long changedRevision ? changedRevision
                    : Long.parseLong((String) metaData.getOrDefault(CREATED_REVISION, "1"));
            ObjectNode response = (ObjectNode) json.readTree((String) metaData.get(RESPONSE));
            response.put("revision", revision);
            store.record((String) metaData.get(PRINCIPAL), (String) key, (String) metaData.get(REQUEST_HASH),
                    UUID.fromString((String) metaData.get(PLAN_ID)), Integer.parseInt((String) metaData.get(STATUS)),
                    (String) metaData.get(LOCATION), revision, json.writeValueAsString(response));
        }
        return result;
    }
}
