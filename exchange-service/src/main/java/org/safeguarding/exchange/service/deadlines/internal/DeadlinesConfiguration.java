package org.safeguarding.exchange.service.deadlines.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({DeadlineProperties.class, DeadlineProperties.Reminders.class})
class DeadlinesConfiguration {

    @Bean
    WorkingDayCalendar workingDayCalendar(DeadlineProperties properties) {
        return new WorkingDayCalendar(properties.zone(), properties.bankHolidayDates());
    }

    @Bean
    DeadlineRules deadlineRules(WorkingDayCalendar calendar, DeadlineProperties deadlines, DeadlineProperties.Reminders reminders) {
        return new DeadlineRules(new ResponseDeadlines(calendar, deadlines.requestWorkingDays(), deadlines.urgentWorkingDays()),
                reminders.hazardReviewNoticeDays(), reminders.bringUpAfter());
    }
}
