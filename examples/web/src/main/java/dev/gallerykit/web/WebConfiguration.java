package dev.gallerykit.web;

import dev.gallerykit.auth.Accounts;
import dev.gallerykit.web.session.CsrfProtection;
import dev.gallerykit.web.session.CurrentUserResolver;
import dev.gallerykit.web.session.SessionInterceptor;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** CSRF checks first (a forged request must not even refresh a session), then the session of each page request. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /**
     * Not pages: static files, Boot's error dispatch (which repeats the failed request's method), and the
     * JSON API, which reads no cookies (bearer tokens only) and so needs no CSRF token (api/ApiConfiguration).
     */
    private static final List<String> NOT_PAGES = List.of("/css/**", "/js/**", "/favicon.ico", "/error", "/api/**");

    private final Accounts accounts;
    private final Clock clock;

    WebConfiguration(Accounts accounts, ObjectProvider<Clock> clock) {
        this.accounts = accounts;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new CsrfProtection()).excludePathPatterns(NOT_PAGES);
        registry.addInterceptor(new SessionInterceptor(accounts, clock)).excludePathPatterns(NOT_PAGES);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserResolver());
    }
}
