package io.credence.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body on /api/**: a declared Content-Length over the limit is answered 413 before
 * a byte is read, and a body without one (chunked) is counted as it is read, failing with
 * {@link ContentTooLargeException} the moment it passes the limit, so nothing buffers more than the
 * limit. Policy versions carry whole PMML scorecards and get a larger limit. Multipart simulation
 * uploads are left to spring.servlet.multipart, which limits the file and the whole request itself.
 */
final class RequestSizeLimitFilter extends OncePerRequestFilter {

    /**
     * Create, update and validate a version; evaluate a scorecard: the calls that carry PMML; and a batch
     * of up to 10,000 loan outcomes (about 2.5 MB).
     */
    private static final Pattern POLICY_BODIES =
            Pattern.compile("/api/v1/(markets/[^/]+/versions(/[^/]+)?|scorecards/evaluate|outcomes)");

    private static final Pattern SIMULATIONS = Pattern.compile("/api/v1/markets/[^/]+/simulations");

    private final long defaultLimit;
    private final long policyLimit;

    RequestSizeLimitFilter(long defaultLimit, long policyLimit) {
        this.defaultLimit = defaultLimit;
        this.policyLimit = policyLimit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!ApiHeaders.isApi(request.getRequestURI())) return true;
        String contentType = request.getContentType();
        return contentType != null
                && contentType.toLowerCase().startsWith("multipart/")
                && SIMULATIONS.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request);
        if (request.getContentLengthLong() > limit) {
            Problems.write(response, 413, new ContentTooLargeException(limit).getMessage(), request.getRequestURI());
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    long limitFor(HttpServletRequest request) {
        boolean carriesPolicy = ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()))
                && POLICY_BODIES.matcher(request.getRequestURI()).matches();
        return carriesPolicy ? Math.max(policyLimit, defaultLimit) : defaultLimit;
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;
        private BufferedReader reader;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) stream = new CountingStream(super.getInputStream(), limit);
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset()));
            }
            return reader;
        }

        private Charset charset() throws UnsupportedEncodingException {
            String encoding = getCharacterEncoding();
            if (encoding == null) return StandardCharsets.UTF_8;
            try {
                return Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                throw new UnsupportedEncodingException(encoding);
            }
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream body;
        private final long limit;
        private long count;

        CountingStream(ServletInputStream body, long limit) {
            this.body = body;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = body.read();
            if (b >= 0) counted(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) counted(n);
            return n;
        }

        private void counted(int n) throws ContentTooLargeException {
            count += n;
            if (count > limit) throw new ContentTooLargeException(limit);
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
