package dev.gallerykit.web.api;

import dev.gallerykit.auth.AuthTokens;

/**
 * Tokens for an API client: send {@code accessToken} as {@code Authorization: Bearer}; trade
 * {@code refreshToken} (which works once) at {@code POST /api/v1/tokens/refresh} for new ones.
 */
record TokensJson(String tokenType, String accessToken, String accessTokenExpiresAt, String refreshToken,
                  String refreshTokenExpiresAt, String userId) {

    static TokensJson of(AuthTokens tokens) {
        return new TokensJson("Bearer", tokens.accessToken(), tokens.accessTokenExpiresAt().toString(),
                tokens.refreshToken(), tokens.refreshTokenExpiresAt().toString(), tokens.userId().toString());
    }
}
