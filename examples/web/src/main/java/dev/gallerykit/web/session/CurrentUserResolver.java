package dev.gallerykit.web.session;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives controller methods the {@link CurrentUser} that {@link SessionInterceptor} found; a method
 * that asks for one without a session ends in {@link SignInRequiredException}.
 */
public final class CurrentUserResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CurrentUser.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binders) {
        Object user = request.getAttribute(SessionInterceptor.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (user == null) {
            throw new SignInRequiredException();
        }
        return user;
    }
}
