package dev.gallerykit.web.pages;

import dev.gallerykit.auth.Accounts;
import dev.gallerykit.auth.TokenRejectedException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.web.session.SessionCookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Forgot password?": asking for a reset link by mail, and the page that link opens to choose a new password. */
@Controller
class PasswordResetController {

    /** Shown when a reset link no longer works; it does not say why (expired, used, tampered with). */
    static final String LINK_REFUSED = "This link has expired or was already used. Ask for a new one.";

    private final Accounts accounts;
    private final boolean devMail;

    PasswordResetController(Accounts accounts, Environment environment) {
        this.accounts = accounts;
        this.devMail = environment.matchesProfiles("local");
    }

    @GetMapping("/forgot-password")
    String forgotForm() {
        return "forgot-password";
    }

    /**
     * Answers with the same page whether or not the address has an account ({@link
     * Accounts#requestPasswordReset} does the same work either way), so the form does not tell who is registered.
     */
    @PostMapping("/forgot-password")
    String forgot(@RequestParam String email, Model model, HttpServletResponse response) {
        model.addAttribute("email", email);
        try {
            accounts.requestPasswordReset(email);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", e.getMessage());
            return "forgot-password";
        }
        model.addAttribute("devMail", devMail);
        return "reset-requested";
    }

    /** The page the mailed link opens ({@code gallerykit.links-base-url} ends in {@code /account}). */
    @GetMapping("/account/reset-password")
    String resetForm(@RequestParam String token, Model model, HttpServletResponse response) {
        noReferrer(response);
        model.addAttribute("token", token);
        return "reset-password";
    }

    /**
     * Sets the new password; the accounts end every sign-in of the user, so this browser's session
     * (if it had one) ends too and the user signs in again with the new password.
     */
    @PostMapping("/account/reset-password")
    String reset(@RequestParam String token, @RequestParam String password, Model model,
                 HttpServletRequest request, HttpServletResponse response) {
        noReferrer(response);
        try {
            accounts.resetPassword(token, password);
        } catch (InvalidInputException e) {
            // The policy refused the password; the link still works, so the form stays.
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("token", token);
            model.addAttribute("problem", e.getMessage());
            return "reset-password";
        } catch (TokenRejectedException e) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("linkRefused", LINK_REFUSED);
            return "reset-password";
        }
        SessionCookies.clear(request, response);
        return "redirect:/signin?passwordReset";
    }

    /** The token is in this page's URL: a click on a link must not hand it to another site in the Referer header. */
    private static void noReferrer(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
