package io.credence.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The outermost filter on /api/**. Every answer carries the API's security headers, and whatever goes
 * wrong outside a controller is answered with the same problem JSON as ApiExceptionHandler's: the
 * firewall refusing a URL (it calls sendError), a filter throwing on a malformed header, a body over its
 * size limit read by a filter. Without it those would reach the servlet container's error page, which
 * knows nothing of problem bodies; an exception's message never reaches the client, only the log.
 */
final class ApiBoundaryFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiBoundaryFilter.class);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiHeaders.isApi(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiHeaders.write(response);
        try {
            chain.doFilter(request, new ProblemOnSendError(request, response));
        } catch (ContentTooLargeException e) {
            answer(request, response, 413, e.getMessage());
        } catch (IOException | ServletException | RuntimeException e) {
            if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
                log.debug("Client went away during {} {}", request.getMethod(), request.getRequestURI());
                return;
            }
            // Spring MVC parses a multipart body before it picks a controller, so no controller advice sees this.
            if (cause(e, MultipartException.class) != null) {
                boolean tooLarge = cause(e, MaxUploadSizeExceededException.class) != null;
                answer(request, response, tooLarge ? 413 : 400, tooLarge ? "The upload is too large."
                        : "The body says it is multipart but is not a well-formed multipart/form-data body.");
                return;
            }
            log.error("Unexpected error outside a controller answering {} {}", request.getMethod(),
                    request.getRequestURI(), e);
            answer(request, response, 500, Problems.detail(500));
        }
    }

    private static Throwable cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return t;
        }
        return null;
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        // Once the status line has gone out nothing can be changed; the log has the rest.
        if (response.isCommitted()) return;
        response.reset();
        Problems.write(response, status, detail, request.getRequestURI());
    }

    /** sendError would hand the request to the container's error page; the API answers by itself. */
    private static final class ProblemOnSendError extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        ProblemOnSendError(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            sendError(status);
        }

        @Override
        public void sendError(int status) throws IOException {
            if (isCommitted()) {
                super.sendError(status);
                return;
            }
            Problems.write((HttpServletResponse) getResponse(), status, Problems.detail(status), request.getRequestURI());
        }
    }
}
