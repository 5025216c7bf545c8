package io.darkroom.infrastructure.postgres;

import io.darkroom.infrastructure.PostgresTestDatabase;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class UnitOfWorkInsertsTest {
    private static final String INSERT = "INSERT INTO uow_insert_probe (id, label) VALUES (?, ?)";
    private final JdbcTemplate jdbc = PostgresTestDatabase.jdbc();
    private final UnitOfWorkInserts inserts = new UnitOfWorkInserts(jdbc);

    @BeforeEach
    void emptyTable() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS uow_insert_probe (id int PRIMARY KEY, label text)");
        jdbc.update("DELETE FROM uow_insert_probe");
    }

    @Test
    void without_a_unit_of_work_an_insert_runs_at_once() {
        inserts.insert(INSERT, 1, "now");

        assertThat(jdbc.queryForObject("SELECT label FROM uow_insert_probe WHERE id = 1", String.class)).isEqualTo("now");
    }

    @Test
    void inside_a_unit_of_work_inserts_wait_for_its_commit_and_then_all_land() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        for (int i = 1; i <= 250; i++) {
            inserts.insert(INSERT, i, "row " + i);
        }
        assertThat(count()).isZero();

        unitOfWork.commit();

        assertThat(count()).isEqualTo(250);
        assertThat(jdbc.queryForObject("SELECT label FROM uow_insert_probe WHERE id = 250", String.class)).isEqualTo("row 250");
    }

    @Test
    void a_unit_of_work_that_rolls_back_inserts_nothing() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        inserts.insert(INSERT, 1, "lost");
        inserts.insert(INSERT, 2, "lost");

        unitOfWork.rollback();

        assertThat(count()).isZero();
    }

    private int count() {
        return jdbc.queryForObject("SELECT count(*) FROM uow_insert_probe", Integer.class);
    }
}
