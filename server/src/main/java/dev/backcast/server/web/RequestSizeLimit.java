package dev.backcast.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcast.command.imports.ImportController;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;

/**
 * Refuses request bodies over 1 MiB with 413, whether their length is declared or they arrive in chunks; a schedule
 * import may send a file of up to 50 MiB.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimit extends OncePerRequestFilter {

    public static final long MAX_BODY_BYTES = 1024 * 1024;
    /** The import's file and its few form fields. */
    static final long MAX_IMPORT_BYTES = ImportController.MAX_FILE_BYTES + 64 * 1024;

    private final ObjectMapper json;

    public RequestSizeLimit(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isImport(request)) {
            if (request.getContentLengthLong() > MAX_IMPORT_BYTES) {
                write(response, importTooLargeProblem());
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            tooLarge(response);
            return;
        }
        LimitedRequest limited = new LimitedRequest(request);
        try {
            chain.doFilter(limited, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (!limited.exceeded || response.isCommitted()) {
                throw failure;
            }
            response.reset();
            tooLarge(response);
        }
    }

    /** Multipart uploads are counted by the servlet container against the same limit, chunked or not. */
    private static boolean isImport(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod())
                && (path.equals("/api/plans/imports") || path.equals("/api/plans/imports/preview"));
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        write(response, tooLargeProblem());
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The answer to a schedule file over the limit, whether its length was declared or counted while reading. */
    static ProblemDetail importTooLargeProblem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "The schedule file is larger than 50 MiB. Save the schedule without attachments or embedded "
                        + "objects, or split it into projects and import each");
        problem.setType(URI.create("urn:backcast:problem:payload-too-large"));
        problem.setTitle("Schedule file too large");
        return problem;
    }

    /** The one answer to a body over the limit, wherever it is noticed. */
    static ProblemDetail tooLargeProblem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + MAX_BODY_BYTES + " bytes (1 MiB); send smaller changes, "
                        + "for example split a refinement in two");
        problem.setType(URI.create("urn:backcast:problem:payload-too-large"));
        problem.setTitle("Request too large");
        return problem;
    }

    /** Thrown while reading a body past the limit; answered with 413 wherever it surfaces. */
    public static final class BodyTooLarge extends IOException {
        public BodyTooLarge() {
            super("The request body is larger than " + MAX_BODY_BYTES + " bytes (1 MiB)");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private boolean exceeded;
        private ServletInputStream limited;

        private LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                ServletInputStream original = super.getInputStream();
                limited = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int next = original.read();
                        if (next >= 0) {
                            count(1);
                        }
                        return next;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int count = original.read(buffer, offset, length);
                        if (count > 0) {
                            count(count);
                        }
                        return count;
                    }

                    private void count(int bytes) throws IOException {
                        read += bytes;
                        if (read > MAX_BODY_BYTES) {
                            exceeded = true;
                            throw new BodyTooLarge();
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return original.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return original.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        original.setReadListener(listener);
                    }
                };
            }
            return limited;
        }
    }
}
