package org.safeguarding.exchange.service.directory;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AgencyController {

    private final AgencyDirectory directory;

    AgencyController(AgencyDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/agencies")
    List<Agency> agencies() {
        return directory.all();
    }
}
