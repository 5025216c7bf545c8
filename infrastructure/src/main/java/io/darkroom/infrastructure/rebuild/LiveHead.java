package io.darkroom.infrastructure.rebuild;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** How far the live side got: the head of the event store, and whether the streaming processors have reached it. */
final class LiveHead {
    private LiveHead() {
    }

    static long of(JdbcTemplate jdbc) {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM public.domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    /** Whether every streaming processor among the read models has handled the events up to {@code head}. */
    static boolean streamingCaughtUp(JdbcTemplate jdbc, List<ReadModel> readModels, long head) {
        for (ReadModel readModel : readModels) {
            if (readModel.processor() != null) {
                // the token as Axon's Jackson serializer stores it: {"index": ..., "gaps": [...]}; every segment must be there
                Long behind = jdbc.queryForObject("""
                        SELECT count(*) FROM token_entry WHERE processor_name = ?
                           AND (token IS NULL OR (convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint < ?)""",
                        Long.class, readModel.processor(), head);
                if (behind == null || behind > 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
