package org.safeguarding.exchange.service.signatures;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every agency's signing keys, with their validity: what an auditor saves beside an export to check, offline, that
 * each agency sent what the register says it sent ({@code publicKey} is the raw Ed25519 key, base64).
 */
@RestController
class SigningKeyController {

    private final AgencyKeys keys;

    SigningKeyController(AgencyKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/api/agencies/keys")
    List<VerifyingKey> keys() {
        return keys.all();
    }
}
