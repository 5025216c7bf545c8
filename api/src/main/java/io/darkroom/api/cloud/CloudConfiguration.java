package io.darkroom.api.cloud;

import io.darkroom.api.config.CloudinaryUrl;
import io.darkroom.api.config.DarkroomProperties;
import io.darkroom.api.welcome.StartupBanner;
import io.darkroom.application.cloud.AdminRateLimiter;
import io.darkroom.application.cloud.AuthenticationThrottle;
import io.darkroom.application.cloud.Cloud;
import io.darkroom.application.support.IdGenerator;
import io.darkroom.infrastructure.cloud.JdbcAdminRateLimiter;
import io.darkroom.infrastructure.cloud.JdbcAuthenticationFailures;
import io.darkroom.infrastructure.cloud.JdbcCloudRegistry;
import io.darkroom.infrastructure.crypto.AesGcmSecretCipher;
import io.darkroom.infrastructure.crypto.MasterKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Clouds and their credentials (secrets sealed with the master key), the hourly rate limit, the lock-out. */
@Configuration(proxyBeanMethods = false)
public class CloudConfiguration {
    /** The clouds; one it created at this start (none was configured or stored) is shown once by {@link StartupBanner}. */
    @Bean
    JdbcCloudRegistry cloudRegistry(JdbcTemplate jdbc, TransactionTemplate transactions, MasterKey masterKey,
                                    DarkroomProperties properties, StartupBanner banner, IdGenerator ids) {
        JdbcCloudRegistry registry = new JdbcCloudRegistry(jdbc, transactions, new AesGcmSecretCipher(masterKey), ids);
        List<Cloud> configured = new ArrayList<>();
        if (properties.cloudinaryUrl() != null && !properties.cloudinaryUrl().isBlank()) {
            configured.add(CloudinaryUrl.parse(properties.cloudinaryUrl(), properties.defaultHourlyLimit()));
        }
        for (DarkroomProperties.CloudEntry entry : properties.clouds()) {
            configured.add(CloudinaryUrl.parse(entry.url(),
                    entry.hourlyLimit() == null ? properties.defaultHourlyLimit() : entry.hourlyLimit()));
        }
        registry.bootstrap(configured, properties.defaultHourlyLimit()).ifPresent(banner::cloudCreated);
        return registry;
    }

    @Bean
    AdminRateLimiter adminRateLimiter(JdbcTemplate jdbc) {
        return new JdbcAdminRateLimiter(jdbc);
    }

    /** Failed authentications allowed per client address and minute before it is refused for the rest of the minute. */
    @Bean
    AuthenticationThrottle authenticationThrottle(JdbcTemplate jdbc, Clock clock,
                                                  @Value("${darkroom.auth.max-failures-per-minute:30}") int maxFailures) {
        return new AuthenticationThrottle(new JdbcAuthenticationFailures(jdbc), clock, maxFailures);
    }
}
