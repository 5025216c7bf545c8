package io.darkroom.api.config;

import io.darkroom.api.web.DatabaseOutage;
import io.darkroom.application.support.Commands;
import io.darkroom.application.support.CursorCodec;
import io.darkroom.application.support.IdGenerator;
import io.darkroom.application.support.RandomIds;
import io.darkroom.infrastructure.crypto.MasterKey;
import io.darkroom.infrastructure.postgres.DatabaseReachability;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** What every feature shares: the clock, new identifiers, the master key, sending commands, signed cursors, telling a database outage. */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    IdGenerator ids() {
        return new RandomIds();
    }

    @Bean
    MasterKey masterKey(DarkroomProperties properties) {
        return MasterKey.load(properties.masterKey(), properties.dataDir().toAbsolutePath());
    }

    @Bean
    Commands commands(CommandGateway gateway, TransactionManager transactions) {
        return new Commands(gateway, transactions);
    }

    /** One cursor key for every listing; derived from the master key, so all nodes agree. */
    @Bean
    CursorCodec cursorCodec(MasterKey masterKey) {
        return new CursorCodec(masterKey.derive("darkroom-cursor-v1"));
    }

    @Bean
    DatabaseOutage databaseOutage() {
        return DatabaseReachability::isUnreachable;
    }
}
