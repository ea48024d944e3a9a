package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A small HTTP client for the tests: real requests to the running server, as a user would send them. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String user;
    private final String password;

    /** The demo users' passwords are their names. */
    public Api(int port, String user) {
        this(port, user, user);
    }

    public Api(int port, String user, String password) {
        this("http://localhost:" + port, user, password);
    }

    private Api(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
    }

    public Api as(String otherUser) {
        return new Api(baseUrl, otherUser, otherUser);
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Response post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    public Response put(String path, String body, String... headers) {
        return send("PUT", path, body, headers);
    }

    public Response patch(String path, String body, String... headers) {
        return send("PATCH", path, body, headers);
    }

    public Response delete(String path, String body, String... headers) {
        return send("DELETE", path, body, headers);
    }

    /** Sends the body in chunks, without declaring its length up front. */
    public Response postChunked(String path, byte[] body) {
        return send("POST", path, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), true);
    }

    /** Posts a file as the multipart part {@code file}, with text parts from {@code fields}. */
    public Response upload(String path, String fileName, byte[] content, java.util.Map<String, String> fields) {
        String boundary = "backcast-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST", path, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()), false,
                "Content-Type", "multipart/form-data; boundary=" + boundary);
    }

    public Response send(String method, String path, String body, String... headers) {
        return send(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), body != null, headers);
    }

    private Response send(String method, String path, HttpRequest.BodyPublisher body, boolean json,
                          String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body);
        if (json) {
            request.header("Content-Type", "application/json");
        }
        signIn(request);
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A binary answer, such as a ZIP file; anything but 200 fails. */
    public byte[] download(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        signIn(request);
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void signIn(HttpRequest.Builder request) {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** An answer of the server. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String text() {
            return raw.body();
        }

        public JsonNode json() {
            try {
                return raw.body() == null || raw.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + raw.body(), e);
            }
        }

        /** Each line of an NDJSON body. */
        public List<JsonNode> lines() {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : raw.body().split("\n")) {
                if (!line.isBlank()) {
                    try {
                        lines.add(JSON.readTree(line));
                    } catch (IOException e) {
                        throw new UncheckedIOException("Not JSON: " + line, e);
                    }
                }
            }
            return lines;
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
