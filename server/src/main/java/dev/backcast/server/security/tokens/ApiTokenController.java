package dev.backcast.server.security.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Every signed-in user manages their own API tokens. */
@RestController
@Tag(name = "API tokens", description = "Bearer tokens for scripts: cheaper than HTTP Basic on every request")
public class ApiTokenController {

    private static final int NAME_LIMIT = 200;

    private final ApiTokens tokens;

    public ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/api/tokens")
    @Operation(summary = "Create an API token", description = "Body {\"name\": \"...\", \"scope\": \"all\" or "
            + "\"read\"}. The token is in this answer only; keep it. Use it as Authorization: Bearer <token>; it has "
            + "your roles, and with scope \"read\" may only read (GET, HEAD). A read token may also be given as "
            + "?token= to the calendar feeds (.ics), which calendar apps subscribe to without headers.")
    public ResponseEntity<ApiTokens.ApiToken> create(Authentication user, @RequestBody JsonNode body) {
        JsonNode name = body == null ? null : body.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank() || name.asText().length() > NAME_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "name is required: 1 to " + NAME_LIMIT + " characters saying what the token is for");
        }
        JsonNode scope = body.get("scope");
        ApiTokens.Scope chosen = ApiTokens.Scope.ALL;
        if (scope != null && !scope.isNull()) {
            chosen = Arrays.stream(ApiTokens.Scope.values()).filter(candidate -> scope.isTextual()
                    && candidate.value().equals(scope.asText())).findFirst().orElseThrow(() ->
                    new ResponseStatusException(HttpStatus.BAD_REQUEST, "scope is \"all\" (the default) or \"read\""));
        }
        ApiTokens.ApiToken created = tokens.create(user.getName(), name.asText().strip(), chosen);
        return ResponseEntity.created(URI.create("/api/tokens/" + created.tokenId())).body(created);
    }

    @GetMapping("/api/tokens")
    @Operation(summary = "Your API tokens", description = "Names, creation, last use and revocation; never the tokens.")
    public List<ApiTokens.ApiToken> list(Authentication user) {
        return tokens.of(user.getName());
    }

    @DeleteMapping("/api/tokens/{tokenId}")
    @Operation(summary = "Revoke one of your API tokens")
    public ResponseEntity<Void> revoke(Authentication user, @PathVariable UUID tokenId) {
        if (!tokens.revoke(user.getName(), tokenId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "You have no valid token with id " + tokenId);
        }
        return ResponseEntity.noContent().build();
    }
}
