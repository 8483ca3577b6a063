package io.credence.support;

import tools.jackson.databind.JsonNode;

/** What the server answered: the status and the body, parsed as JSON on demand. */
public record ApiResponse(int status, String body) {

    public JsonNode json() {
        if (body == null || body.isBlank()) {
            throw new AssertionError("expected a JSON body but the response (" + status + ") had none");
        }
        return Json.read(body);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
