package io.credence.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads a request body as UTF-8 text, refusing bodies beyond a cap (413) before they fill the heap. */
public final class RequestBodies {

    public static final int MAX_BYTES = 256 * 1024;

    private RequestBodies() {}

    public static String read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BYTES) throw tooLarge();
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) throw tooLarge();
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static ContentTooLargeException tooLarge() {
        return new ContentTooLargeException(MAX_BYTES);
    }
}
