package org.safeguarding.exchange.service.replay;

/** A replay act the exchange will not record (one's own request, one already decided, a dead letter that cannot be replayed). */
public class ReplayRefused extends RuntimeException {

    ReplayRefused(String reason) {
        super(reason);
    }
}
