package org.safeguarding.exchange.service;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class ExchangeApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExchangeApplication.class, args);
    }

    /** The exchange's one source of time, replaced in tests that cross weekends, holidays and clock changes. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
