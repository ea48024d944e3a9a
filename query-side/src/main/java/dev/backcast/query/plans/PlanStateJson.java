package dev.backcast.query.plans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcast.plan.PlanState;
import org.springframework.stereotype.Component;

/** How read models store a {@link PlanState}: JSON, read tolerantly so a field added later never breaks old rows. */
@Component
public class PlanStateJson {

    private final ObjectMapper json;

    public PlanStateJson(ObjectMapper objectMapper) {
        this.json = objectMapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public String write(PlanState state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A plan state could not be written as JSON", e);
        }
    }

    public PlanState read(String stored) {
        try {
            return json.readValue(stored, PlanState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored plan state could not be read", e);
        }
    }

    /** The state of a plan view, read once per persistence context. */
    public PlanState stateOf(PlanView view) {
        if (view.folded() == null) {
            view.rememberFolded(read(view.stateJson()));
        }
        return view.folded();
    }
}
