package io.darkroom.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ImagingHealthTest extends DarkroomIntegrationTest {
    @Test
    void health_shows_the_imaging_engine_and_the_database() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        var json = new ObjectMapper().readTree(health.body());
        assertThat(json.path("status").asText()).isEqualTo("UP");
        assertThat(json.path("components").path("imaging").path("status").asText()).isEqualTo("UP");
        assertThat(json.path("components").path("db").path("status").asText()).isEqualTo("UP");
    }
}
