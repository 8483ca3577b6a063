package io.credence.engine;

import io.credence.shared.InvalidRequestException;

/** A decision table uploaded as a spreadsheet that cannot be read as one; names the uploaded file's field. */
public class DecisionTableUploadException extends InvalidRequestException {

    public DecisionTableUploadException(String message) {
        super("file", message);
    }
}
