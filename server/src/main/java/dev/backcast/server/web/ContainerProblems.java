package dev.backcast.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Tomcat refuses before the application sees it (a malformed address, an encoded slash) answers with a problem
 * like everything else, never with Tomcat's HTML error page; encoded slashes are passed on so the application's
 * firewall can refuse them with a problem that says so.
 */
@Component
public class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector ->
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** Tomcat's last word on a failed request, as an RFC 9457 problem. */
    public static class ProblemReportValve extends ErrorReportValve {

        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "urn:backcast:problem:" + (status >= 500 ? "internal-error" : "invalid-request"));
            problem.put("title", known == null ? "Error " + status : known.getReasonPhrase());
            problem.put("status", status);
            problem.put("detail", status >= 500 ? "Something went wrong on the server; it has been logged."
                    : "The request cannot be read: its address or headers are malformed (for example an encoded "
                    + "character that is not allowed); check how it was built");
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.getOutputStream().write(JSON.writeValueAsBytes(problem));
                response.finishResponse();
            } catch (IOException | IllegalStateException unwritable) {
                // The client is gone or the response cannot be written any more; there is no one left to tell.
            }
        }
    }
}
