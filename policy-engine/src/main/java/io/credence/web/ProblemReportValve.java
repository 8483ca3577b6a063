package io.credence.web;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report for the requests it refuses before the application sees them (a URL with an
 * encoded NUL or slash, a path climbing above the root, headers too large, a malformed request line).
 * On /api/** and for requests too malformed to have a path, it is a problem JSON body like every other
 * API error; elsewhere it stays Tomcat's page, without the server version or any stack trace (what
 * Spring Boot configures when stack traces are never shown).
 */
final class ProblemReportValve extends ErrorReportValve {

    ProblemReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        // A request line too malformed to parse has no URI; no browser sends one, so it gets JSON too.
        String uri = request.getRequestURI();
        if (uri != null && !uri.isEmpty() && !ApiHeaders.isApi(uri)) {
            super.report(request, response, throwable);
            return;
        }
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) return;
        try {
            ApiHeaders.write(response);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) writer.write(Problems.json(status, Problems.detail(status), null));
        } catch (java.io.IOException | IllegalStateException e) {
            // The connection is gone or the response was committed meanwhile: nothing left to tell the client.
            container.getLogger().debug("Could not write the problem body of a refused API request", e);
        }
    }
}
