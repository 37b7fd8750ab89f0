package org.safeguarding.exchange.service.signatures.internal;

import org.safeguarding.exchange.service.signatures.AgencyKeys;
import org.safeguarding.exchange.service.signatures.SenderProof;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SignatureConfiguration {

    @Bean
    SenderProof senderProof(AgencyKeys keys, SignatureProperties properties) {
        return new SenderProof(keys::find, properties::modeOf, properties.maxClockSkew());
    }
}
