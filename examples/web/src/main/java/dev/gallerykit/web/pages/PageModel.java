package dev.gallerykit.web.pages;

import dev.gallerykit.web.session.CsrfProtection;
import dev.gallerykit.web.session.CurrentUser;
import dev.gallerykit.web.session.SessionInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the CSRF token for its forms and who is signed in. */
@ControllerAdvice
class PageModel {

    @ModelAttribute(CsrfProtection.ATTRIBUTE)
    String csrfToken(HttpServletRequest request) {
        return (String) request.getAttribute(CsrfProtection.ATTRIBUTE);
    }

    @ModelAttribute("signedIn")
    CurrentUser signedIn(HttpServletRequest request) {
        return SessionInterceptor.find(request).orElse(null);
    }
}
