package dev.gallerykit.web.pages;

import dev.gallerykit.auth.MailDeliveryException;
import dev.gallerykit.error.AccessDeniedException;
import dev.gallerykit.error.AuthenticationFailedException;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.GalleryException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.LimitExceededException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.error.UnsupportedMediaException;
import dev.gallerykit.web.session.CsrfProtection;
import dev.gallerykit.web.session.SessionInterceptor;
import dev.gallerykit.web.session.SignInRequiredException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * GalleryKit's exceptions as HTTP statuses, on an error page that says what happened in words and
 * never shows a stack trace. Messages are shown only where they are written for users (invalid input,
 * conflicts, sign-in failures, limits); anything unexpected is logged and answered with a plain 500.
 */
@ControllerAdvice
class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
    /** Seconds a client should wait before retrying when a store is unavailable. */
    static final String RETRY_AFTER_SECONDS = "10";
    static final String ACCESS_DENIED = "This album is shared with you, but your role in it does not allow that.";

    @ExceptionHandler(SignInRequiredException.class)
    String signIn() {
        return "redirect:/signin";
    }

    @ExceptionHandler(CsrfProtection.CsrfRejectedException.class)
    ModelAndView csrf(CsrfProtection.CsrfRejectedException e, HttpServletRequest request) {
        return page(request, HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(HttpServletRequest request) {
        // Another user's album or photo is "not found" too: the page must not tell which it was.
        return page(request, HttpStatus.NOT_FOUND, "There is nothing here, or it is not yours to see.");
    }

    /**
     * A member of a shared album tried what their role does not allow (an owner's action, a viewer's upload,
     * another member's photo). The library's message names ids, so the page says it in its own words.
     */
    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView accessDenied(HttpServletRequest request) {
        return page(request, HttpStatus.FORBIDDEN, ACCESS_DENIED);
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e, HttpServletRequest request) {
        return page(request, HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler({LimitExceededException.class})
    ModelAndView limit(LimitExceededException e, HttpServletRequest request) {
        return page(request, HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView uploadTooLarge(HttpServletRequest request) {
        return page(request, HttpStatus.CONTENT_TOO_LARGE, "The upload is larger than this site accepts.");
    }

    @ExceptionHandler(UnsupportedMediaException.class)
    ModelAndView unsupported(UnsupportedMediaException e, HttpServletRequest request) {
        return page(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e, HttpServletRequest request) {
        return page(request, HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(ConcurrentModificationException.class)
    ModelAndView concurrent(HttpServletRequest request) {
        return page(request, HttpStatus.CONFLICT, "It was changed meanwhile; reload the page and try again.");
    }

    @ExceptionHandler(AuthenticationFailedException.class)
    ModelAndView authentication(AuthenticationFailedException e, HttpServletRequest request) {
        return page(request, HttpStatus.UNAUTHORIZED, e.getMessage());
    }

    @ExceptionHandler({StorageUnavailableException.class, MailDeliveryException.class})
    ModelAndView unavailable(GalleryException e, HttpServletRequest request, HttpServletResponse response) {
        LOG.warn("unavailable: {}", e.toString());
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return page(request, HttpStatus.SERVICE_UNAVAILABLE, "The service is unavailable for a moment; try again soon.");
    }

    @ExceptionHandler(GalleryException.class)
    ModelAndView other(GalleryException e, HttpServletRequest request) {
        LOG.error("request failed", e);
        return page(request, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side.");
    }

    static ModelAndView page(HttpServletRequest request, HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("error", status.getReasonPhrase());
        page.addObject("message", message);
        page.addObject(CsrfProtection.ATTRIBUTE, request.getAttribute(CsrfProtection.ATTRIBUTE));
        page.addObject("signedIn", SessionInterceptor.find(request).orElse(null));
        return page;
    }
}
