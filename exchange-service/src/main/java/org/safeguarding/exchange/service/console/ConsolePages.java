package org.safeguarding.exchange.service.console;

import java.util.ArrayList;
import java.util.List;
import org.safeguarding.exchange.service.security.Callers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/** Signing in, the start page of each role, and the page a refused request is shown. */
@Controller
@ControllerAdvice(assignableTypes = {ConsolePages.class, HubPages.class, AuditorPages.class, DeadLetterPages.class})
class ConsolePages {

    private final Callers callers;
    private final ObjectProvider<ClientRegistrationRepository> issuers;

    ConsolePages(Callers callers, ObjectProvider<ClientRegistrationRepository> issuers) {
        this.callers = callers;
        this.issuers = issuers;
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        return Viewer.of(callers.current());
    }

    @GetMapping("/console/login")
    String login(Model model) {
        List<ClientRegistration> registered = new ArrayList<>();
        if (issuers.getIfAvailable() instanceof Iterable<?> all) {
            all.forEach(r -> registered.add((ClientRegistration) r));
        }
        model.addAttribute("issuers", registered);
        return "console/login";
    }

    @GetMapping({"/console", "/console/"})
    String start(jakarta.servlet.http.HttpServletResponse response) {
        Viewer viewer = viewer();
        if (viewer.hub()) {
            return "redirect:/console/hub";
        }
        if (viewer.auditor()) {
            return "redirect:/console/auditor";
        }
        // Signed in, but neither a hub nor an auditor (an agency, an operator): the console has nothing for them.
        response.setStatus(403);
        return "console/refused";
    }

    @RequestMapping("/console/refused")
    String refused() {
        return "console/refused";
    }
}
