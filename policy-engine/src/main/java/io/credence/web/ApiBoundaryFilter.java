package io.credence.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The outermost filter on /api/**. Every answer carries the API's security headers, and whatever goes
 * wrong outside a controller is answered with the same problem JSON as ApiExceptionHandler's: the
 * firewall refusing a URL (it calls sendError), a filter failing on a malformed query, form or multipart
 * body, a body over its size limit read by a filter. Without it those would reach the servlet container's
 * error page, which knows nothing of problem bodies; an exception's message never reaches the client,
 * only the log.
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
        if (hasWildcardContentType(request)) {
            Problems.write(
                    response,
                    415,
                    "A request body's Content-Type cannot be a wildcard; send application/json.",
                    request.getRequestURI());
            return;
        }
        String unsupported = unsupportedContentType(request);
        if (unsupported != null) {
            Problems.write(response, 415, unsupported, request.getRequestURI());
            return;
        }
        try {
            chain.doFilter(withoutUnparseableAccept(request), new ProblemOnSendError(request, response));
        } catch (IOException | ServletException | RuntimeException e) {
            if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
                log.debug("Client went away during {} {}", request.getMethod(), request.getRequestURI());
                return;
            }
            refuse(request, response, e);
        }
    }

    /** The failures a malformed request causes in a filter or before a controller is chosen: all 4xx. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, Exception e)
            throws IOException {
        if (cause(e, ContentTooLargeException.class) instanceof ContentTooLargeException tooLarge) {
            answer(request, response, 413, tooLarge.getMessage());
        } else if (cause(e, MaxUploadSizeExceededException.class) != null) {
            answer(request, response, 413, "The upload is too large.");
        } else if (cause(e, MultipartException.class) != null) {
            answer(
                    request,
                    response,
                    400,
                    "The body says it is multipart but is not a well-formed multipart/form-data body.");
        } else if (cause(e, InvalidParameterException.class) != null) {
            answer(
                    request,
                    response,
                    400,
                    "The query string or form body is malformed (a bad %-escape or an empty name).");
        } else if (cause(e, HttpMessageNotReadableException.class) != null) {
            answer(request, response, 400, "The request body cannot be read as its Content-Type says.");
        } else {
            log.error(
                    "Unexpected error outside a controller answering {} {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    e);
            answer(request, response, 500, Problems.detail(500));
        }
    }

    /**
     * The API reads JSON only, multipart only where the contract takes a file (a backtest's CSV), and
     * text/csv only where a fraud list or a version's test cases are imported.
     * Checked here, once for every endpoint, because some read their body raw (to report every bad
     * field at once) and would otherwise decide a text/plain or form body as if it were JSON. A request
     * without a body and without a Content-Type (a bare POST to submit or deploy) passes.
     */
    private static String unsupportedContentType(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"POST".equals(method) && !"PUT".equals(method) && !"PATCH".equals(method)) return null;
        String contentType = request.getContentType();
        if (contentType == null) {
            boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
            return hasBody ? "The request body has no Content-Type; send application/json." : null;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException unparseable) {
            return "The Content-Type does not parse; send application/json.";
        }
        if (isJson(type)) return null;
        if (type.isCompatibleWith(MediaType.MULTIPART_FORM_DATA) && takesFile(request)) return null;
        if (takesCsv(request)) {
            return "text".equals(type.getType()) && "csv".equals(type.getSubtype())
                    ? null
                    : "Content type not supported; send text/csv.";
        }
        return takesFile(request)
                ? "Content type not supported; send application/json or multipart/form-data."
                : "Content type not supported; send application/json.";
    }

    private static boolean isJson(MediaType type) {
        return "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    /** POST /api/v1/markets/{market}/simulations: a backtest of an uploaded CSV. */
    private static boolean takesFile(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && request.getRequestURI().matches("/api/v1/markets/[^/]+/simulations/?");
    }

    /**
     * POST /api/v1/fraud-lists/{market}/import and …/versions/{n}/test-cases.csv: a fraud list's entries or
     * a version's test cases as CSV, the same file the export writes.
     */
    private static boolean takesCsv(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && (request.getRequestURI().matches("/api/v1/fraud-lists/[^/]+/import/?")
                        || request.getRequestURI().matches("/api/v1/markets/[^/]+/versions/[^/]+/test-cases\\.csv"));
    }

    /** Spring MVC fails with an IllegalArgumentException on such a type; it is the client's mistake. */
    private static boolean hasWildcardContentType(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) return false;
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException unparseable) {
            return false;
        }
    }

    /**
     * An Accept header that does not parse is ignored, as RFC 9110 allows: honouring it would leave even
     * an error without a body, since no representation could be negotiated.
     */
    private static HttpServletRequest withoutUnparseableAccept(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null) return request;
        try {
            MediaType.parseMediaTypes(accept);
            return request;
        } catch (IllegalArgumentException unparseable) {
            return new HttpServletRequestWrapper(request) {
                @Override
                public String getHeader(String name) {
                    return "Accept".equalsIgnoreCase(name) ? null : super.getHeader(name);
                }

                @Override
                public Enumeration<String> getHeaders(String name) {
                    return "Accept".equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
                }

                @Override
                public Enumeration<String> getHeaderNames() {
                    return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                            .filter(name -> !"Accept".equalsIgnoreCase(name))
                            .toList());
                }
            };
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
            Problems.write(
                    (HttpServletResponse) getResponse(), status, Problems.detail(status), request.getRequestURI());
        }
    }
}
