package dev.gallerykit.web;

import dev.gallerykit.auth.Accounts;
import dev.gallerykit.web.session.CsrfProtection;
import dev.gallerykit.web.session.CurrentUserResolver;
import dev.gallerykit.web.session.SessionInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * CSRF checks first (a forged request must not even refresh a session), then the session of each page request
 * but those of share links.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /**
     * Not pages: static files, Boot's error dispatch (which repeats the failed request's method), and the
     * JSON API, which reads no cookies (bearer tokens only) and so needs no CSRF token (api/ApiConfiguration).
     */
    private static final List<String> NOT_PAGES = List.of("/css/**", "/js/**", "/favicon.ico", "/error", "/api/**");
    /** The pages of a share link, {@code /s/<token>}: no sign-in (pages/LinkController). */
    static final String LINK_PAGES = "/s/**";

    private final Accounts accounts;
    private final Clock clock;

    WebConfiguration(Accounts accounts, ObjectProvider<Clock> clock) {
        this.accounts = accounts;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new CsrfProtection()).excludePathPatterns(NOT_PAGES);
        // Share-link pages are for anybody who has the link: they never read or refresh a session, and show
        // the same to a signed-in user as to anybody else. Their password form still carries a CSRF token.
        registry.addInterceptor(new SessionInterceptor(accounts, clock)).excludePathPatterns(NOT_PAGES)
                .excludePathPatterns(LINK_PAGES);
        registry.addInterceptor(new LinkPageHeaders()).addPathPatterns(LINK_PAGES);
    }

    /**
     * The link's token is in the address of its pages: no Referer carries it to the photo store their images
     * come from, or anywhere else; nor are they kept in a cache or indexed.
     */
    static final class LinkPageHeaders implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setHeader("X-Robots-Tag", "noindex, nofollow");
            return true;
        }
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserResolver());
    }
}
