package dev.backcast.server.ui;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** Turns an API answer into a file a browser saves, so a plain link can download what scripts ask for with Accept. */
public final class Downloads {

    private Downloads() {
    }

    public static <T> ResponseEntity<T> attachment(ResponseEntity<T> answer, String fileName) {
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(answer.getBody());
    }
}
