package dev.gallerykit.web.pages;

import dev.gallerykit.auth.Accounts;
import dev.gallerykit.auth.AuthTokens;
import dev.gallerykit.error.AuthenticationFailedException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.web.session.SessionCookies;
import dev.gallerykit.web.session.SessionInterceptor;
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

/** Sign-up, the confirmation link, sign-in and sign-out. */
@Controller
class AccountController {

    private final Accounts accounts;
    private final Clock clock;
    private final boolean devMail;

    AccountController(Accounts accounts, ObjectProvider<Clock> clock, Environment environment) {
        this.accounts = accounts;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.devMail = environment.matchesProfiles("local");
    }

    @GetMapping("/")
    String home(HttpServletRequest request) {
        return SessionInterceptor.find(request).isPresent() ? "redirect:/albums" : "redirect:/signin";
    }

    @GetMapping("/signup")
    String signUpForm() {
        return "signup";
    }

    @PostMapping("/signup")
    String signUp(@RequestParam String email, @RequestParam String password, @RequestParam String displayName,
                  Model model, HttpServletResponse response) {
        model.addAttribute("email", email);
        model.addAttribute("displayName", displayName);
        try {
            accounts.signUp(email, password, displayName);
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", e.getMessage());
            return "signup";
        }
        model.addAttribute("devMail", devMail);
        return "signed-up";
    }

    /** The page the mailed link opens ({@code gallerykit.links-base-url} ends in {@code /account}). */
    @GetMapping("/account/confirm-email")
    String confirm(@RequestParam String token, Model model) {
        model.addAttribute("user", accounts.confirmEmail(token));
        return "confirmed";
    }

    @GetMapping("/signin")
    String signInForm() {
        return "signin";
    }

    @PostMapping("/signin")
    String signIn(@RequestParam String email, @RequestParam String password, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        try {
            AuthTokens tokens = accounts.signIn(email, password);
            SessionCookies.write(request, response, tokens, clock.instant());
            return "redirect:/albums";
        } catch (AuthenticationFailedException | InvalidInputException e) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("email", email);
            model.addAttribute("problem", e instanceof InvalidInputException ? Accounts.SIGN_IN_FAILED : e.getMessage());
            return "signin";
        }
    }

    @PostMapping("/signout")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        SessionCookies.read(request, SessionCookies.REFRESH).ifPresent(accounts::signOut);
        SessionCookies.clear(request, response);
        return "redirect:/signin?signedOut";
    }
}
