package dev.gallerykit.web.api;

import dev.gallerykit.auth.Accounts;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tokens for API clients, so they need no browser: sign in with email and password, refresh, and
 * revoke. Token answers are never cached ({@code Cache-Control: no-store}).
 */
@RestController
class TokenController {

    static final String TOKENS = "/api/v1/tokens";
    static final String REFRESH = "/api/v1/tokens/refresh";
    static final String REVOKE = "/api/v1/tokens/revoke";

    private final Accounts accounts;

    TokenController(Accounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping(TOKENS)
    ResponseEntity<TokensJson> signIn(@RequestBody SignIn body) {
        return noStore(TokensJson.of(accounts.signIn(Requests.required("email", body.email()),
                Requests.required("password", body.password()))));
    }

    @PostMapping(REFRESH)
    ResponseEntity<TokensJson> refresh(@RequestBody Refresh body) {
        return noStore(TokensJson.of(accounts.refresh(Requests.required("refreshToken", body.refreshToken()))));
    }

    /** Ends the sign-in the refresh token belongs to; idempotent, like {@link Accounts#signOut}. */
    @PostMapping(REVOKE)
    ResponseEntity<Void> revoke(@RequestBody Refresh body) {
        accounts.signOut(Requests.required("refreshToken", body.refreshToken()));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<TokensJson> noStore(TokensJson tokens) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens);
    }

    record SignIn(String email, String password) {
    }

    record Refresh(String refreshToken) {
    }
}
