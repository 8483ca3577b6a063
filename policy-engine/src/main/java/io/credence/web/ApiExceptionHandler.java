package io.credence.web;

import io.credence.engine.ArtifactError;
import io.credence.engine.PolicyCompilationException;
import io.credence.engine.ScorecardLoadException;
import io.credence.shared.FieldProblem;
import io.credence.shared.ForbiddenActionException;
import io.credence.shared.InvalidRequestException;
import io.credence.shared.NotFoundException;
import io.credence.shared.StateConflictException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jpmml.model.PMMLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.xml.sax.SAXParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Maps domain exceptions to status codes once. Bodies never carry stack traces, class names or a
 * library's name: every detail and every field or artifact message goes through
 * {@link Problems#sanitize}, here and in the problems written outside Spring MVC.
 * Ordered first, ahead of Spring Boot's generic problem-details advice, so that these mappings answer.
 */
@RestControllerAdvice(basePackages = "io.credence")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields.", e.problems());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), null);
    }

    @ExceptionHandler(StateConflictException.class)
    ResponseEntity<ProblemDetail> conflict(StateConflictException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), null);
    }

    @ExceptionHandler(ForbiddenActionException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenActionException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage(), null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Your role may not do this.", null);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return problem(HttpStatus.UNAUTHORIZED, "Authentication required.", null);
    }

    @ExceptionHandler(PolicyCompilationException.class)
    ResponseEntity<ProblemDetail> uncompilable(PolicyCompilationException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "The policy package does not compile or validate; nothing was stored.");
        body.setProperty(
                "errors",
                e.errors().stream()
                        .map(error -> new ArtifactError(
                                error.artifact(), error.line(), error.column(), Problems.sanitize(error.message())))
                        .toList());
        return ResponseEntity.unprocessableContent().body(body);
    }

    @ExceptionHandler(ScorecardLoadException.class)
    ResponseEntity<ProblemDetail> badScorecard(ScorecardLoadException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "The PMML does not load: " + Problems.sanitize(e.getMessage()) + where(e));
        return ResponseEntity.unprocessableContent().body(body);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        if (cause(e, ContentTooLargeException.class) instanceof ContentTooLargeException tooLarge) {
            return bodyTooLarge(tooLarge);
        }
        if (cause(e, StreamConstraintsException.class) != null) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "The request body is nested too deeply or has a number, "
                            + "string or name longer than the parser allows.",
                    List.of(new FieldProblem("$", "exceeds a parser limit")));
        }
        if (cause(e, JacksonException.class) instanceof JacksonException json
                && !json.getPath().isEmpty()) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "The request body has a field of the wrong type or with an unknown value.",
                    List.of(new FieldProblem(path(json), "has the wrong type or an unknown value")));
        }
        return problem(
                HttpStatus.BAD_REQUEST,
                "The request body is missing or is not valid JSON.",
                List.of(new FieldProblem("$", "must be a valid JSON document")));
    }

    @ExceptionHandler(ContentTooLargeException.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(ContentTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), null);
    }

    /**
     * A value the database cannot store (SQLSTATE class 22: too long, out of range, a NUL character,
     * which PostgreSQL refuses in text) is the request's fault, not the server's; the transaction that
     * tried to store it has rolled back.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> unstorable(DataIntegrityViolationException e) {
        if (e.getMostSpecificCause() instanceof SQLException sql
                && sql.getSQLState() != null
                && sql.getSQLState().startsWith("22")) {
            log.debug("Refused a value the database cannot store: {}", sql.getMessage());
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "A value in the request cannot be stored: it is too long, out of range "
                            + "or contains a NUL character.",
                    null);
        }
        return unexpected(e);
    }

    /** Tomcat parses the query string on first use, in whatever asks for a parameter. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> malformedQuery(InvalidParameterException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "The query string or form body is malformed (a bad %-escape or an empty name).",
                null);
    }

    /** Conversions of query parameters and path variables other than a handler argument's. */
    @ExceptionHandler(TypeMismatchException.class)
    ResponseEntity<ProblemDetail> conversion(TypeMismatchException e) {
        String name = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        return problem(
                HttpStatus.BAD_REQUEST,
                "Parameter '" + name + "' has the wrong type.",
                List.of(new FieldProblem(name, "has the wrong type")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Parameter '" + e.getName() + "' has the wrong type.",
                List.of(new FieldProblem(e.getName(), "has the wrong type")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Parameter '" + e.getParameterName() + "' is required.",
                List.of(new FieldProblem(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Part '" + e.getRequestPartName() + "' is required.",
                List.of(new FieldProblem(e.getRequestPartName(), "is required")));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "The upload is too large.", null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not allowed here.", null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content type not supported; send application/json.", null);
    }

    /** Written by hand: the Accept header that caused it may be unparseable, leaving nothing to negotiate with. */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    void notAcceptable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Problems.write(
                response,
                HttpStatus.NOT_ACCEPTABLE.value(),
                "This API answers in JSON: accept application/json.",
                request.getRequestURI());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "No such resource.", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        // Spring MVC's own refusals (406, 415, a missing header...) carry their status and a safe detail.
        if (e instanceof ErrorResponse refusal && !refusal.getStatusCode().is5xxServerError()) {
            ProblemDetail body = refusal.getBody();
            body.setDetail(Problems.sanitize(body.getDetail()));
            return ResponseEntity.status(refusal.getStatusCode())
                    .headers(refusal.getHeaders())
                    .body(body);
        }
        log.error("Unexpected error answering an API request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error; it has been logged.", null);
    }

    /**
     * Where in the PMML document the parser or the evaluator stopped, when it says: the XML parser's
     * line and column, or the line of the element a model exception is about.
     */
    private static String where(Throwable e) {
        if (cause(e, SAXParseException.class) instanceof SAXParseException xml && xml.getLineNumber() > 0) {
            return " (line " + xml.getLineNumber()
                    + (xml.getColumnNumber() > 0 ? ", column " + xml.getColumnNumber() : "") + ")";
        }
        if (cause(e, PMMLException.class) instanceof PMMLException model
                && model.getContext() != null
                && model.getContext().getLocator() != null
                && model.getContext().getLocator().getLineNumber() > 0) {
            return " (line " + model.getContext().getLocator().getLineNumber() + ")";
        }
        return "";
    }

    private static Throwable cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return t;
        }
        return null;
    }

    /** A Jackson path as the API names fields: {@code loan.amount}, {@code rows[2].age}. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<FieldProblem> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, Problems.sanitize(detail));
        if (errors != null) {
            body.setProperty(
                    "errors",
                    errors.stream()
                            .map(error -> new FieldProblem(error.field(), Problems.sanitize(error.message())))
                            .toList());
        }
        return ResponseEntity.status(status).body(body);
    }
}
