package org.safeguarding.exchange.service.console;

import org.safeguarding.exchange.service.security.Callers;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/** Signing in, the start page of each role, and the page a refused request is shown. */
@Controller
@ControllerAdvice(assignableTypes = {ConsolePages.class, HubPages.class, AuditorPages.class, DeadLetterPages.class})
class ConsolePages {

    private final Callers callers;

    ConsolePages(Callers callers) {
        this.callers = callers;
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        return Viewer.of(callers.current());
    }

    @GetMapping("/console/login")
    String login() {
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
