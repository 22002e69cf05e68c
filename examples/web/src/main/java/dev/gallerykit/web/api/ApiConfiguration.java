package dev.gallerykit.web.api;

import dev.gallerykit.auth.Accounts;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON API under {@code /api/v1}: bearer tokens on every path but the few that give tokens or
 * describe the API, and problem details for every failure under {@code /api/}. The page interceptors
 * (session cookies, CSRF) skip {@code /api/**}.
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration implements WebMvcConfigurer {

    /** What a client without a token can call: getting tokens, and the document that describes the API. */
    static final List<String> PUBLIC = List.of(TokenController.TOKENS, TokenController.REFRESH,
            TokenController.REVOKE, OpenApiController.DOCUMENT);

    private final BearerAuthentication bearer;
    private final ApiProblems problems;

    ApiConfiguration(Accounts accounts, JsonMapper json) {
        this.bearer = new BearerAuthentication(accounts);
        this.problems = new ApiProblems(json);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(bearer).addPathPatterns("/api/**").excludePathPatterns(PUBLIC);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(bearer);
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, problems);
    }
}
