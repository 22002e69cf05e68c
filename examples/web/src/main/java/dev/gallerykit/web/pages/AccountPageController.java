package dev.gallerykit.web.pages;

import dev.gallerykit.auth.Accounts;
import dev.gallerykit.auth.AuthTokens;
import dev.gallerykit.auth.ProfileUpdate;
import dev.gallerykit.error.AuthenticationFailedException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.web.session.CurrentUser;
import dev.gallerykit.web.session.SessionCookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The account page: change the password, change the email (by a link mailed to the new one), sign out
 * everywhere, delete the account. Each form shows its own problem next to it.
 */
@Controller
class AccountPageController {

    static final String WRONG_CURRENT_PASSWORD = "That is not your current password.";

    private final Accounts accounts;
    private final Clock clock;
    private final boolean devMail;

    AccountPageController(Accounts accounts, ObjectProvider<Clock> clock, Environment environment) {
        this.accounts = accounts;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.devMail = environment.matchesProfiles("local");
    }

    @GetMapping("/account")
    String account(CurrentUser user, Model model) {
        return page(user, model);
    }

    /**
     * Changing the password ends every sign-in of the user, this one included; this browser is signed in
     * again with the new password, so only the others end.
     */
    @PostMapping("/account/password")
    String changePassword(CurrentUser user, @RequestParam String currentPassword, @RequestParam String newPassword,
                          Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            accounts.changePassword(user.id(), currentPassword, newPassword);
        } catch (AuthenticationFailedException e) {
            return problem(user, model, response, HttpStatus.UNAUTHORIZED, "passwordProblem", WRONG_CURRENT_PASSWORD);
        } catch (InvalidInputException e) {
            return problem(user, model, response, HttpStatus.BAD_REQUEST, "passwordProblem", e.getMessage());
        }
        try {
            AuthTokens tokens = accounts.signIn(user.email(), newPassword);
            SessionCookies.write(request, response, tokens, clock.instant());
        } catch (AuthenticationFailedException e) {
            // Changed meanwhile from elsewhere (another reset, a lock-out): sign in again on the page.
            SessionCookies.clear(request, response);
            return "redirect:/signin?passwordReset";
        }
        return "redirect:/account?passwordChanged";
    }

    /** Mails a link to the new address; the email changes when that link is opened (the confirmation page). */
    @PostMapping("/account/email")
    String changeEmail(CurrentUser user, @RequestParam String email, Model model, HttpServletResponse response) {
        model.addAttribute("newEmail", email);
        try {
            accounts.updateProfile(user.id(), ProfileUpdate.email(email));
        } catch (InvalidInputException e) {
            return problem(user, model, response, HttpStatus.BAD_REQUEST, "emailProblem", e.getMessage());
        } catch (ConflictException e) {
            return problem(user, model, response, HttpStatus.CONFLICT, "emailProblem", e.getMessage());
        }
        // A query parameter, not a flash attribute: these pages keep no server-side session.
        return "redirect:/account?emailLinkSent";
    }

    /**
     * Ends every sign-in of the user, this one too. Other browsers keep their access token until it
     * expires (minutes); then their refresh is refused and they are asked to sign in.
     */
    @PostMapping("/account/signout-everywhere")
    String signOutEverywhere(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
        accounts.signOutEverywhere(user.id());
        SessionCookies.clear(request, response);
        return "redirect:/signin?signedOutEverywhere";
    }

    @PostMapping("/account/delete")
    String delete(CurrentUser user, @RequestParam String password, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        try {
            accounts.deleteAccount(user.id(), password);
        } catch (AuthenticationFailedException e) {
            return problem(user, model, response, HttpStatus.UNAUTHORIZED, "deleteProblem",
                    "That is not your password; the account is still here.");
        }
        SessionCookies.clear(request, response);
        return "redirect:/signin?deleted";
    }

    private String problem(CurrentUser user, Model model, HttpServletResponse response, HttpStatus status,
                           String form, String message) {
        response.setStatus(status.value());
        model.addAttribute(form, message);
        return page(user, model);
    }

    private String page(CurrentUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("devMail", devMail);
        return "account";
    }
}
