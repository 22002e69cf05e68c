package dev.gallerykit.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The account pages in Chromium: forgotten password, change of password and email, sign out everywhere")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserAccountPagesTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String NEW_PASSWORD = "tremendous purple giraffe";

    @LocalServerPort
    int port;

    @Test
    @DisplayName("a forgotten password is reset from the mailed link: every sign-in ends, the new password works, the old fails")
    void forgotPassword() {
        String email = "fay@example.test";
        try (Browser elsewhere = browser(); Browser browser = browser()) {
            elsewhere.signUpAndConfirm(email, "Fay", PASSWORD);
            elsewhere.signIn(email, PASSWORD);
            assertThat(elsewhere.path()).isEqualTo("/albums");

            browser.open("/signin");
            browser.follow(browser.find("#forgot-password-link"));
            browser.fill("#forgot-password", "email", "nobody@example.test");
            browser.submit("#forgot-password");
            String unknown = browser.find("#reset-requested").getText();
            browser.open("/forgot-password");
            browser.fill("#forgot-password", "email", email);
            browser.submit("#forgot-password");
            assertThat(browser.find("#reset-requested").getText())
                    .as("the answer does not tell whether the address has an account")
                    .isEqualTo(unknown.replace("nobody@example.test", email));
            browser.screenshot("reset-requested");

            WebElement link = browser.mailedLink(email, "/account/reset-password?token=");
            String resetUrl = link.getText();
            browser.follow(link);
            browser.fill("#reset-password", "password", "short");
            browser.submit("#reset-password");
            assertThat(browser.find("#problem").getText()).startsWith("password must have at least 8 characters");
            browser.fill("#reset-password", "password", NEW_PASSWORD);
            browser.screenshot("reset-password");
            browser.submit("#reset-password");
            assertThat(browser.path()).startsWith("/signin");
            assertThat(browser.find("#password-reset").getText()).contains("every sign-in has ended");

            browser.driver().get(resetUrl);
            browser.fill("#reset-password", "password", "another fine password");
            browser.submit("#reset-password");
            assertThat(browser.find("#problem").getText()).as("the link works once").contains("expired or was already used");

            browser.signIn(email, PASSWORD);
            assertThat(browser.path()).isEqualTo("/signin");
            assertThat(browser.find("#problem").getText()).isEqualTo("wrong email or password");
            browser.signIn(email, NEW_PASSWORD);
            assertThat(browser.path()).isEqualTo("/albums");

            assertSignedOutOnceItsAccessTokenIsGone(elsewhere);
        }
    }

    @Test
    @DisplayName("the account page changes the password, changes the email by a mailed link, and signs out everywhere")
    void accountPage() {
        String email = "gus@example.test";
        String newEmail = "gus.new@example.test";
        try (Browser elsewhere = browser(); Browser browser = browser()) {
            elsewhere.signUpAndConfirm("hal@example.test", "Hal", PASSWORD);
            elsewhere.signUpAndConfirm(email, "Gus", PASSWORD);
            elsewhere.signIn(email, PASSWORD);
            browser.signIn(email, PASSWORD);

            browser.open("/account");
            changePassword(browser, "not my password", NEW_PASSWORD);
            assertThat(browser.find("#password-problem").getText()).isEqualTo("That is not your current password.");
            changePassword(browser, PASSWORD, "short");
            assertThat(browser.find("#password-problem").getText()).startsWith("password must have at least 8 characters");
            changePassword(browser, PASSWORD, NEW_PASSWORD);
            assertThat(browser.path()).isEqualTo("/account?passwordChanged");
            assertThat(browser.find("#notice").getText()).contains("every other sign-in has ended");
            browser.open("/albums");
            assertThat(browser.path()).as("this browser stays signed in").isEqualTo("/albums");
            assertSignedOutOnceItsAccessTokenIsGone(elsewhere);
            elsewhere.signIn(email, PASSWORD);
            assertThat(elsewhere.find("#problem").getText()).isEqualTo("wrong email or password");
            elsewhere.signIn(email, NEW_PASSWORD);
            assertThat(elsewhere.path()).isEqualTo("/albums");

            browser.open("/account");
            browser.fill("#change-email", "email", "hal@example.test");
            browser.submit("#change-email");
            assertThat(browser.find("#email-problem").getText()).contains("already registered");
            browser.fill("#change-email", "email", newEmail);
            browser.submit("#change-email");
            assertThat(browser.find("#notice").getText()).startsWith("We sent a link to the new address");
            assertThat(browser.find("#email").getText()).as("the email changes only once the link is opened")
                    .isEqualTo(email);
            browser.screenshot("account");
            browser.follow(browser.mailedLink(newEmail, "/account/confirm-email?token="));
            assertThat(browser.find("#confirmed").getText()).contains(newEmail);
            browser.open("/account");
            assertThat(browser.find("#email").getText()).isEqualTo(newEmail);
            browser.follow(browser.find("#sign-out"));
            browser.signIn(email, NEW_PASSWORD);
            assertThat(browser.find("#problem").getText()).as("the old email no longer signs in")
                    .isEqualTo("wrong email or password");
            browser.signIn(newEmail, NEW_PASSWORD);
            assertThat(browser.path()).isEqualTo("/albums");

            browser.open("/account");
            browser.submit("#sign-out-everywhere");
            assertThat(browser.path()).startsWith("/signin");
            assertThat(browser.find("#signed-out-everywhere").getText()).contains("Every sign-in");
            browser.open("/albums");
            assertThat(browser.path()).startsWith("/signin");
            assertSignedOutOnceItsAccessTokenIsGone(elsewhere);
        }
    }

    private static void changePassword(Browser browser, String current, String next) {
        browser.fill("#change-password", "currentPassword", current);
        browser.fill("#change-password", "newPassword", next);
        browser.submit("#change-password");
    }

    /**
     * A sign-in that was ended keeps its access token until that expires (minutes); without it, the refresh
     * token is refused and the next page asks to sign in. Dropping the cookie stands for the expiry.
     */
    private static void assertSignedOutOnceItsAccessTokenIsGone(Browser browser) {
        browser.driver().manage().deleteCookieNamed("GK_ACCESS");
        browser.open("/albums");
        assertThat(browser.path()).as("the ended sign-in's refresh token is refused").startsWith("/signin");
        assertThat(browser.driver().manage().getCookieNamed("GK_REFRESH")).isNull();
    }

    private Browser browser() {
        return new Browser("http://localhost:" + port);
    }
}
