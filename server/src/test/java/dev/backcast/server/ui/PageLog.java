package dev.backcast.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.Logs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;

/**
 * What Chrome reports about the pages one browser shows: each request to the server under test and how it ended, from
 * the DevTools network events of the performance log, and the page errors of the browser log. Reading a log empties
 * it, so what was read is kept here until {@link #clear()}.
 */
final class PageLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Chromium's answer to a request the browser dropped, such as one still loading when its page is left. */
    private static final String ABORTED = "net::ERR_ABORTED";
    private static final String FAILED_TO_LOAD = " - Failed to load resource";

    private final String base;
    private final Map<String, Request> requests = new LinkedHashMap<>();
    private final List<String> pageErrors = new ArrayList<>();
    private int documents;
    private long lastActivity = System.nanoTime();

    PageLog(String base) {
        this.base = base;
    }

    void read(Logs logs) {
        for (LogEntry entry : logs.get(LogType.PERFORMANCE)) {
            network(parse(entry.getMessage()).path("message"));
        }
        for (LogEntry entry : logs.get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                pageErrors.add(entry.getMessage());
                lastActivity = System.nanoTime();
            }
        }
    }

    /** Nothing in flight, and nothing started or ended for {@code quiet}: the network is idle. */
    boolean idleFor(Duration quiet) {
        return inFlight().isEmpty() && System.nanoTime() - lastActivity >= quiet.toNanos();
    }

    List<String> inFlight() {
        return requests.values().stream().filter(request -> !request.ended()).map(Request::describe).toList();
    }

    /**
     * Every page error, failed request and 4xx or 5xx answer, except the problem answers of the paths given (with the
     * query when the request had one) and the errors that report those answers; a path given whose request did not
     * fail is a problem too.
     */
    List<String> problems(String... expectedProblemPaths) {
        Set<String> expected = new LinkedHashSet<>(Arrays.asList(expectedProblemPaths));
        Set<String> seen = new LinkedHashSet<>();
        Set<String> expectedUrls = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (Request request : requests.values()) {
            String path = request.url.substring(base.length());
            String pathWithoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            boolean isExpected = expected.contains(path) || expected.contains(pathWithoutQuery);
            if (request.failure != null && !leftBehind(request)) {
                problems.add(request.describe() + " failed: " + request.failure);
            } else if (request.status >= 400 && isExpected) {
                seen.add(expected.contains(path) ? path : pathWithoutQuery);
                expectedUrls.add(request.url);
            } else if (request.status >= 400) {
                problems.add(request.describe() + " answered " + request.status);
            }
        }
        for (String error : pageErrors) {
            boolean reportsAnExpectedAnswer = expectedUrls.stream().anyMatch(url -> error.startsWith(url + FAILED_TO_LOAD));
            if (!reportsAnExpectedAnswer) {
                problems.add("page error: " + error);
            }
        }
        expected.stream().filter(path -> !seen.contains(path))
                .forEach(path -> problems.add("expected a 4xx or 5xx answer for " + path + ", but none came"));
        return problems;
    }

    void clear() {
        requests.clear();
        pageErrors.clear();
    }

    /**
     * A request dropped because its page was left is no fault of that page: following a link or reloading after a
     * write ends whatever the old page still had in flight. Only those are forgiven; a dropped request of the page
     * still shown is a problem.
     */
    private boolean leftBehind(Request request) {
        return ABORTED.equals(request.failure) && request.document < documents;
    }

    private void network(JsonNode message) {
        String method = message.path("method").asText();
        JsonNode params = message.path("params");
        String id = params.path("requestId").asText();
        switch (method) {
            case "Network.requestWillBeSent" -> started(id, params);
            case "Network.responseReceived" -> update(id, request -> request.status = params.path("response").path("status").asInt());
            case "Network.loadingFinished" -> update(id, request -> request.finished = true);
            case "Network.loadingFailed" -> update(id, request -> request.failure = params.path("errorText").asText());
            default -> {
            }
        }
    }

    private void started(String id, JsonNode params) {
        String url = params.path("request").path("url").asText();
        Request known = requests.get(id);
        if (known != null) {
            // The same request id again is the request following a redirect.
            known.url = url;
            known.status = 0;
        } else if (url.startsWith(base)) {
            if ("Document".equals(params.path("type").asText())) {
                documents++;
            }
            requests.put(id, new Request(params.path("request").path("method").asText(), url, documents));
        } else {
            return;
        }
        lastActivity = System.nanoTime();
    }

    private void update(String id, Consumer<Request> change) {
        Request request = requests.get(id);
        if (request != null) {
            change.accept(request);
            lastActivity = System.nanoTime();
        }
    }

    private static JsonNode parse(String message) {
        try {
            return JSON.readTree(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Request {
        private final String method;
        private final int document;
        private String url;
        private int status;
        private boolean finished;
        private String failure;

        private Request(String method, String url, int document) {
            this.method = method;
            this.url = url;
            this.document = document;
        }

        private boolean ended() {
            return finished || failure != null;
        }

        private String describe() {
            return method + " " + url;
        }
    }
}
