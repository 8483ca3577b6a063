package io.credence.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection per request, so that a test can send what well-behaved
 * clients refuse to: raw bytes in the request target, malformed headers, a Content-Length that lies,
 * chunked bodies of any size.
 */
final class RawHttp {

    record Response(int status, Map<String, String> headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /**
     * Sends a request and reads the whole answer. {@code headers} are sent as given, one per line, so
     * they may be malformed; a Content-Length is added for a body unless {@code chunked}.
     */
    static Response send(int port, String method, byte[] target, Map<String, String> headers, byte[] body, boolean chunked)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(60_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write((method + " ").getBytes(StandardCharsets.ISO_8859_1));
            request.write(target);
            request.write(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n".getBytes(StandardCharsets.ISO_8859_1));
            for (var header : headers.entrySet()) {
                request.write((header.getKey() + ": " + header.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (body != null && chunked) {
                request.write("Transfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            } else if (body != null && !headers.containsKey("Content-Length")) {
                request.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            } else {
                request.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            try {
                if (body != null && chunked) writeChunked(out, body);
                else if (body != null) out.write(body);
                out.flush();
            } catch (IOException refusedEarly) {
                // The server may answer (413) and close before it has read the whole body: read that answer.
            }
            return read(socket.getInputStream());
        }
    }

    private static void writeChunked(OutputStream out, byte[] body) throws IOException {
        for (int offset = 0; offset < body.length; offset += 8192) {
            int length = Math.min(8192, body.length - offset);
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, offset, length);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) received.write(buffer, 0, n);
        } catch (java.net.SocketException reset) {
            // The server closed with request bytes unread (after a 413): what arrived before is the answer.
        }
        byte[] all = received.toByteArray();
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) throw new IOException("no complete HTTP answer (" + all.length + " bytes)");
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.merge(name, lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = unchunk(body);
        return new Response(status, headers, body);
    }

    private static byte[] unchunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
            if (lineEnd < 0) throw new IOException("truncated chunked body");
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) return body.toByteArray();
            body.write(chunked, lineEnd + 2, length);
            at = lineEnd + 2 + length + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, pattern, 0);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) if (data[i + j] != pattern[j]) continue outer;
            return i;
        }
        return -1;
    }
}
