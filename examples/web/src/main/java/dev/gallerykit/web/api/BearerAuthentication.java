package dev.gallerykit.web.api;

import dev.gallerykit.auth.Accounts;
import dev.gallerykit.auth.Principal;
import dev.gallerykit.error.AuthenticationFailedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates every API request it is registered for by its {@code Authorization: Bearer} access
 * token, before the handler runs: a request without one, or with one the accounts refuse, ends in a
 * 401 (see {@link ApiProblems}). Cookies are never read here, which is why the API needs no CSRF
 * token. Controller methods get the caller as an {@link ApiUser} parameter.
 */
final class BearerAuthentication implements HandlerInterceptor, HandlerMethodArgumentResolver {

    private static final String ATTRIBUTE = ApiUser.class.getName();
    private static final String SCHEME = "bearer ";

    private final Accounts accounts;

    BearerAuthentication(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= SCHEME.length()
                || !header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            throw new BearerTokenRequiredException();
        }
        Principal principal = accounts.authenticate(header.substring(SCHEME.length()).strip());
        request.setAttribute(ATTRIBUTE, new ApiUser(principal.userId(), principal.email()));
        return true;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ApiUser.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binders) {
        Object user = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (user == null) {
            // A public path whose handler asks for a caller: a wiring mistake, refused rather than served.
            throw new BearerTokenRequiredException();
        }
        return user;
    }

    /** The request has no bearer token; answered with 401 and {@code WWW-Authenticate: Bearer}. */
    static final class BearerTokenRequiredException extends AuthenticationFailedException {

        private static final long serialVersionUID = 1L;

        BearerTokenRequiredException() {
            super("send an access token as 'Authorization: Bearer <token>' (POST /api/v1/tokens gives one)");
        }
    }
}
