package io.darkroom.api.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** {@code GET /ping}: answers once credentials and allowance have been checked. */
@RestController
public class PingController {
    @GetMapping("/v1_1/{cloud}/ping")
    Map<String, Object> ping() {
        return Map.of("status", "ok");
    }
}
