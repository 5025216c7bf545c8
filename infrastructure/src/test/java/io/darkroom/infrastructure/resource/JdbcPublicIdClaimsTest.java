package io.darkroom.infrastructure.resource;

import io.darkroom.application.resource.PublicIdClaims.NameClaim;
import io.darkroom.application.resource.ResourceKey;
import io.darkroom.infrastructure.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Claiming several names at once (a restore's batch). */
class JdbcPublicIdClaimsTest {
    private final JdbcTemplate jdbc = PostgresTestDatabase.jdbc();
    private final JdbcPublicIdClaims claims = new JdbcPublicIdClaims(jdbc);
    private final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));

    private static String id(char c) {
        return String.valueOf(c).repeat(32);
    }

    @Test
    void free_names_go_to_their_assets_and_a_taken_one_answers_its_holder() {
        claims.claim(new ResourceKey("claims-cloud", "image", "upload"), "taken", id('1'));
        Map<String, String> holders = transaction.execute(status -> claims.claimAll("claims-cloud", List.of(
                new NameClaim("image", "upload", "free", id('2')),
                new NameClaim("image", "upload", "taken", id('3')),
                new NameClaim("video", "upload", "taken", id('4')))));
        assertThat(holders).containsExactlyInAnyOrderEntriesOf(Map.of(id('2'), id('2'), id('3'), id('1'), id('4'), id('4')));
        assertThat(claims.holders(new ResourceKey("claims-cloud", "image", "upload"), List.of("free", "taken")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("free", id('2'), "taken", id('1')));
    }

    @Test
    void two_assets_wanting_one_name_in_one_batch_leave_it_to_one_of_them() {
        Map<String, String> holders = transaction.execute(status -> claims.claimAll("claims-cloud", List.of(
                new NameClaim("image", "upload", "twice", id('5')),
                new NameClaim("image", "upload", "twice", id('6')))));
        assertThat(holders.values()).containsOnly(holders.get(id('5')));
        assertThat(holders.get(id('5'))).isIn(id('5'), id('6'));
    }
}
