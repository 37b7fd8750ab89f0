package org.safeguarding.exchange.service;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ExchangeApplication {

    /** The packages Avro may load classes from: its defaults and the contract's generated records. */
    static final String AVRO_TRUSTED_PACKAGES = "java.lang,java.math,java.io,java.net,org.apache.avro.reflect,exchange.v1";

    public static void main(String[] args) {
        // Read once, when Avro first loads its readers: set here so that `java -jar` needs no flag. An operator's own
        // setting wins.
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
            System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", AVRO_TRUSTED_PACKAGES);
        }
        SpringApplication.run(ExchangeApplication.class, args);
    }

    /** The exchange's one source of time, replaced in tests that cross weekends, holidays and clock changes. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
