package io.credence.web;

import java.io.IOException;

/**
 * A request body beyond its size limit. An IOException, because it is the body's stream that refuses
 * to go on: whoever reads it (a controller, a message converter, a filter) fails where it reads, and
 * the failure is answered 413.
 */
class ContentTooLargeException extends IOException {

    ContentTooLargeException(long limit) {
        super("The request body is larger than the limit of " + describe(limit) + ".");
    }

    static String describe(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) return bytes / (1024 * 1024) + " MiB";
        if (bytes >= 1024 && bytes % 1024 == 0) return bytes / 1024 + " KiB";
        return bytes + " bytes";
    }
}
