package dev.backcast.command.questions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcast.command.web.PlanWrites;
import dev.backcast.plan.questions.RaiseQuestion;
import dev.backcast.plan.questions.AnswerQuestion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.util.Map;
import java.util.UUID;

/** Raising and answering questions. */
@RestController
@RequestMapping("/api/plans/{planId}/questions")
@Tag(name = "Questions", description = "Customer FAQ, internal FAQ and the skeptics")
public class QuestionController {

    private final PlanWrites writes;

    public QuestionController(PlanWrites writes) {
        this.writes = writes;
    }

    @PostMapping
    @Operation(summary = "Raise a question", description = "kind: CUSTOMER_FAQ, INTERNAL_FAQ or SKEPTIC.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RaiseQuestion.class)))
    public ResponseEntity<Map<String, Object>> raise(HttpServletRequest request, @PathVariable UUID planId,
            @RequestBody JsonNode body) {
        return writes.change(request, planId, "raiseQuestion", body, Map.of());
    }

    @PutMapping("/{questionId}/answer")
    @Operation(summary = "Answer a question", description = "Replaces an earlier answer.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = AnswerQuestion.class)))
    public ResponseEntity<Map<String, Object>> answer(HttpServletRequest request, @PathVariable UUID planId, @PathVariable UUID questionId,
            @RequestBody JsonNode body) {
        return writes.change(request, planId, "answerQuestion", body, Map.of("questionId", questionId));
    }
}
