package org.safeguarding.exchange.service.console;

import org.safeguarding.exchange.service.audit.RegisterReads;
import org.safeguarding.exchange.service.console.internal.DeadLetter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

/** The dead letters: messages that could not be decoded, listed by their metadata (never their bytes). */
@Controller
class DeadLetterPages {

    private static final int PAGE = 50;

    private final RegisterReads reads;
    private final ObjectMapper json;

    DeadLetterPages(RegisterReads reads, ObjectMapper json) {
        this.reads = reads;
        this.json = json;
    }

    @GetMapping("/console/dead-letters")
    String list(@RequestParam(required = false) Long before, Model model) {
        var letters = reads.deadLetters(before, PAGE).stream().map(e -> DeadLetter.of(e, json)).toList();
        model.addAttribute("letters", letters);
        model.addAttribute("next", letters.size() == PAGE ? letters.get(letters.size() - 1).sequence() : null);
        return "console/dead-letters";
    }
}
