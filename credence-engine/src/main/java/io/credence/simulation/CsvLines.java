package io.credence.simulation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The physical lines of an uploaded file, each at most {@link #MAX_LINE_BYTES} long. A longer line
 * is skipped without being held in memory and reported as such, so one runaway line (or a binary
 * file) costs neither the heap nor the lines after it. Lines are numbered from 1; a UTF-8 byte order
 * mark and the CR of CRLF are dropped. Not thread-safe: one reader per file.
 */
final class CsvLines implements AutoCloseable {

    static final int MAX_LINE_BYTES = 32 * 1024;

    /** One line: its text, or why it has none ({@code problem}); {@code end} is the byte offset after it. */
    record Line(long number, String text, String problem, long end) {}

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private final byte[] line = new byte[MAX_LINE_BYTES];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int position;
    private int limit;
    private long offset;
    private long number;
    private boolean first = true;

    CsvLines(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        boolean sawAny = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!sawAny) return null;
                break;
            }
            sawAny = true;
            int start = position;
            int newline = -1;
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline < 0 ? limit : newline;
            int chunk = end - start;
            if (!tooLong) {
                if (length + chunk > MAX_LINE_BYTES) {
                    tooLong = true;
                } else {
                    System.arraycopy(buffer, start, line, length, chunk);
                    length += chunk;
                }
            }
            offset += (newline < 0 ? end : newline + 1) - start;
            position = newline < 0 ? end : newline + 1;
            if (newline >= 0) break;
        }
        number++;
        boolean firstLine = first;
        first = false;
        if (tooLong) {
            return new Line(number, null, "is longer than " + MAX_LINE_BYTES / 1024 + " KiB", offset);
        }
        int from = 0;
        if (firstLine) {
            if (length >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF)
                from = 3;
        }
        if (length > from && line[length - 1] == '\r') length--;
        try {
            CharBuffer text = utf8.reset().decode(ByteBuffer.wrap(line, from, length - from));
            return new Line(number, text.toString(), null, offset);
        } catch (CharacterCodingException e) {
            return new Line(number, null, "is not UTF-8 text", offset);
        }
    }

    private boolean fill() throws IOException {
        int read = in.readNBytes(buffer, 0, buffer.length);
        if (read <= 0) return false;
        position = 0;
        limit = read;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
