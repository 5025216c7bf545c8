package io.darkroom.api.console;

import io.darkroom.application.cloud.AuthenticationThrottle;
import io.darkroom.application.cloud.CloudDirectory;
import io.darkroom.application.console.ConsoleSignIn;
import io.darkroom.infrastructure.console.JdbcConsoleSessions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;

/** The console: its sessions, sign-in, and the filter that guards its pages. */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration {
    @Bean
    JdbcConsoleSessions consoleSessions(JdbcTemplate jdbc) {
        return new JdbcConsoleSessions(jdbc);
    }

    @Bean
    ConsoleSignIn consoleSignIn(CloudDirectory clouds, AuthenticationThrottle throttle, JdbcConsoleSessions sessions, Clock clock,
                                @Value("${darkroom.console.idle-timeout:30m}") Duration idle,
                                @Value("${darkroom.console.absolute-timeout:12h}") Duration absolute,
                                @Value("${darkroom.operator-token:}") String operatorToken) {
        return new ConsoleSignIn(clouds, throttle, sessions, clock, idle, absolute, operatorToken);
    }

    @Bean
    FilterRegistrationBean<ConsoleAccess> consoleAccess(ConsoleSignIn signIn) {
        FilterRegistrationBean<ConsoleAccess> registration = new FilterRegistrationBean<>(new ConsoleAccess(signIn));
        registration.addUrlPatterns("/console", "/console/*");
        return registration;
    }
}
