package dev.gallerykit.web.local;

import dev.gallerykit.local.LocalCloud;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /dev/mail}: what the local mail server received, so a person can open their confirmation link. */
@Controller
@Profile("local")
class DevMailController {

    private final LocalCloud cloud;
    private final DevMailbox mailbox;

    DevMailController(LocalCloud cloud, DevMailbox mailbox) {
        this.cloud = cloud;
        this.mailbox = mailbox;
    }

    @GetMapping("/dev/mail")
    String mail(Model model) {
        model.addAttribute("mails", mailbox.mails(cloud.smtp()));
        return "dev-mail";
    }
}
