package org.safeguarding.exchange.service.audit;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A read the caller's agency may not make; the refusal is already in the access log. */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class ReadRefused extends RuntimeException {

    ReadRefused(String reason) {
        super(reason);
    }
}
