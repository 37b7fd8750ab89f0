package org.safeguarding.exchange.service.console;

import org.safeguarding.exchange.service.audit.RegisterReads;
import org.safeguarding.exchange.service.console.internal.DeadLetter;
import org.safeguarding.exchange.service.replay.DeadLetterReplays;
import org.safeguarding.exchange.service.replay.ReplayRefused;
import org.safeguarding.exchange.service.security.Callers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;

/**
 * The dead letters, listed by their metadata (never their bytes), and their accountable replay: one person asks with a
 * reason, a second approves or refuses with one; the register keeps both acts.
 */
@Controller
class DeadLetterPages {

    private static final int PAGE = 50;

    private final RegisterReads reads;
    private final DeadLetterReplays replays;
    private final Callers callers;
    private final ObjectMapper json;

    DeadLetterPages(RegisterReads reads, DeadLetterReplays replays, Callers callers, ObjectMapper json) {
        this.reads = reads;
        this.replays = replays;
        this.callers = callers;
        this.json = json;
    }

    @GetMapping("/console/dead-letters")
    String list(@RequestParam(required = false) Long before, Model model) {
        var letters = reads.deadLetters(before, PAGE).stream().map(e -> DeadLetter.of(e, json)).toList();
        model.addAttribute("letters", letters);
        model.addAttribute("next", letters.size() == PAGE ? letters.get(letters.size() - 1).sequence() : null);
        model.addAttribute("replays", replays.all());
        model.addAttribute("me", callers.current().name());
        return "console/dead-letters";
    }

    @GetMapping("/console/dead-letters/{sequence}/replay")
    String askForm(@PathVariable long sequence, Model model) {
        model.addAttribute("sequence", sequence);
        return "console/replay-request";
    }

    @PostMapping("/console/dead-letters/{sequence}/replay")
    String ask(@PathVariable long sequence, @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        if (reason == null || reason.isBlank()) {
            model.addAttribute("sequence", sequence);
            model.addAttribute("problem", "Say why this dead letter should go to intake again");
            return "console/replay-request";
        }
        try {
            String replayId = replays.request(sequence, callers.current(), reason);
            redirect.addFlashAttribute("done", "Replay of dead letter " + sequence + " asked for (" + replayId
                    + "). A second person must approve it.");
        } catch (ReplayRefused refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/console/dead-letters";
    }

    @PostMapping("/console/dead-letters/replays/{replayId}/send-again")
    String sendAgain(@PathVariable String replayId, RedirectAttributes redirect) {
        try {
            replays.sendAgain(replayId);
            redirect.addFlashAttribute("done", "The approved replay has gone to intake again.");
        } catch (ReplayRefused refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/console/dead-letters";
    }

    @PostMapping("/console/dead-letters/replays/{replayId}")
    String decide(@PathVariable String replayId, @RequestParam String decision, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            boolean approve = "approve".equals(decision);
            replays.decide(replayId, callers.current(), approve, reason);
            redirect.addFlashAttribute("done", approve ? "Replay approved: the dead letter has gone to intake again."
                    : "Replay refused.");
        } catch (ReplayRefused refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/console/dead-letters";
    }
}
