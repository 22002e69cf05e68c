package dev.gallerykit.web.api;

import dev.gallerykit.auth.MailDeliveryException;
import dev.gallerykit.error.AccessDeniedException;
import dev.gallerykit.error.AuthenticationFailedException;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.LimitExceededException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.error.UnsupportedMediaException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every failure of a request under {@code /api/} as an RFC 9457 problem ({@code application/problem+json}
 * with {@code type}, {@code title}, {@code status}, {@code detail}), never an HTML page or a stack trace.
 * It resolves exceptions before Spring's own resolvers and whatever the handler, so failures that
 * happen before a controller is chosen (an unknown path, a wrong method, a multipart body over the
 * servlet's limit) are answered the same way as those of the controllers.
 *
 * <p>Details are shown only where our messages are written for users (invalid input, limits,
 * unsupported media, conflicts, authentication); anything unexpected is logged and answered 500.
 */
final class ApiProblems implements HandlerExceptionResolver, Ordered {

    static final String CONTENT_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:gallerykit:problem:";
    /** Seconds a client should wait before retrying when a store is unavailable. */
    static final String RETRY_AFTER_SECONDS = "10";
    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

    private final JsonMapper json;

    ApiProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception exception) {
        if (!isApi(request) || response.isCommitted()) {
            return null;
        }
        Problem problem = problem(exception);
        if (exception instanceof ErrorResponse spring) {
            // Spring's own headers for its statuses, such as Allow with a 405 and Accept with a 415.
            spring.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        }
        if (problem.status() == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + problem.type());
        body.put("title", problem.status().getReasonPhrase());
        body.put("status", problem.status().value());
        body.put("detail", problem.detail());
        if (exception instanceof InvalidInputException invalid) {
            body.put("field", invalid.field());
        }
        try {
            response.resetBuffer();
            response.setStatus(problem.status().value());
            response.setContentType(CONTENT_TYPE);
            response.getOutputStream().write(json.writeValueAsBytes(body));
        } catch (IOException e) {
            LOG.debug("could not write the problem for {} ({})", request.getRequestURI(), e.toString());
        }
        return new ModelAndView();
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
    }

    private static Problem problem(Exception e) {
        // Subtypes map with their parents: DuplicatePhoto is a Conflict, TokenRejected an AuthenticationFailed.
        if (e instanceof NotFoundException) {
            // Another user's album or photo is "not found" too: the answer must not tell which it was.
            return new Problem(HttpStatus.NOT_FOUND, "not-found", "There is nothing here, or it is not yours to see.");
        }
        if (e instanceof AccessDeniedException) {
            // A member of a shared album; the library's message names ids.
            return new Problem(HttpStatus.FORBIDDEN, "access-denied",
                    "The album is shared with you, but your role in it does not allow that.");
        }
        if (e instanceof InvalidInputException) {
            return new Problem(HttpStatus.BAD_REQUEST, "invalid-input", e.getMessage());
        }
        if (e instanceof LimitExceededException) {
            return new Problem(HttpStatus.CONTENT_TOO_LARGE, "limit-exceeded", e.getMessage());
        }
        if (e instanceof MaxUploadSizeExceededException) {
            return new Problem(HttpStatus.CONTENT_TOO_LARGE, "limit-exceeded",
                    "The upload is larger than this site accepts.");
        }
        if (e instanceof UnsupportedMediaException) {
            return new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media", e.getMessage());
        }
        if (e instanceof ConflictException) {
            return new Problem(HttpStatus.CONFLICT, "conflict", e.getMessage());
        }
        if (e instanceof ConcurrentModificationException) {
            return new Problem(HttpStatus.CONFLICT, "concurrent-modification",
                    "It was changed meanwhile; read it again and retry.");
        }
        if (e instanceof AuthenticationFailedException) {
            return new Problem(HttpStatus.UNAUTHORIZED, "authentication", e.getMessage());
        }
        if (e instanceof StorageUnavailableException || e instanceof MailDeliveryException) {
            LOG.warn("unavailable: {}", e.toString());
            return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "The service is unavailable for a moment; try again soon.");
        }
        return spring(e);
    }

    /** Spring MVC's own failures: their status, and a detail of ours (theirs can name internal classes). */
    private static Problem spring(Exception e) {
        if (e instanceof NoResourceFoundException) {
            return new Problem(HttpStatus.NOT_FOUND, "not-found", "There is no such resource in this API.");
        }
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            return new Problem(HttpStatus.BAD_REQUEST, "invalid-input", mismatch.getName() + " is not valid");
        }
        if (e instanceof TypeMismatchException mismatch) {
            return new Problem(HttpStatus.BAD_REQUEST, "invalid-input", mismatch.getPropertyName() + " is not valid");
        }
        if (e instanceof HttpMessageNotReadableException) {
            return new Problem(HttpStatus.BAD_REQUEST, "invalid-input",
                    "The request body is not the JSON this operation takes.");
        }
        if (e instanceof ErrorResponse response) {
            HttpStatus status = HttpStatus.resolve(response.getStatusCode().value());
            if (status != null && status.is4xxClientError()) {
                // Spring's client-error details name the parameter, part or method in plain words.
                String detail = response.getBody().getDetail();
                return new Problem(status, "request", detail == null ? status.getReasonPhrase() : detail);
            }
        }
        LOG.error("API request failed", e);
        return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong on our side.");
    }

    private record Problem(HttpStatus status, String type, String detail) {
    }
}
