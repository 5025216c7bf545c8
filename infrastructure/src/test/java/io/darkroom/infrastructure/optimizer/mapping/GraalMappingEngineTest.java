package io.darkroom.infrastructure.optimizer.mapping;

import io.darkroom.application.optimizer.mapping.MappingEnvironment;
import io.darkroom.application.optimizer.mapping.MappingFailure;
import io.darkroom.application.optimizer.mapping.MappingRequest;
import io.darkroom.application.optimizer.mapping.MappingResult;
import io.darkroom.application.support.DarkroomException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sandbox: a resizing function answers; loops, memory bombs, host access, modules, network, a Promise, a throw and
 * a bad shape are each refused with a clear message within their limits, while good calls keep being answered.
 */
class GraalMappingEngineTest {
    private static final String RESIZE = """
            function map(request, environment) {
              let transformation = environment.defaultTransformation;
              if (request.query.width && request.query.height) {
                transformation += `w_${request.query.width},h_${request.query.height},c_limit/`;
              }
              let path = request.path;
              if (environment.pathPrefix.length > 0) {
                path = path.slice(`${environment.pathPrefix}/`.length);
              }
              return { fwd_key: path, media_key: request.path, transformation, resource_type: 'image' };
            }""";
    private static final MappingRequest REQUEST = new MappingRequest("images/cat.jpg", Map.of("width", "300", "height", "200"),
            Map.of("accept", "image/webp"), "demo.mo.localhost");
    private static final MappingEnvironment ENVIRONMENT = new MappingEnvironment("images", "", "demo", "p1");
    private static GraalMappingEngine engine;

    @BeforeAll
    static void start() {
        engine = new GraalMappingEngine(Duration.ofMillis(50), 4, Duration.ofSeconds(2));
        // the engine is built on first use (a second or more); the deadlines below bound calls, not that
        engine.compile("function map(r, e) { return {}; }");
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static String refusal(String code) {
        try {
            engine.map(code, REQUEST, ENVIRONMENT);
        } catch (MappingFailure failure) {
            return failure.getMessage();
        }
        throw new AssertionError("not refused: " + code);
    }

    @Test
    void a_template_literal_function_maps_the_request() {
        MappingResult result = engine.map(RESIZE, REQUEST, ENVIRONMENT);
        assertThat(result).isEqualTo(new MappingResult("cat.jpg", "images/cat.jpg", "w_300,h_200,c_limit/", "image"));
        assertThat(engine.map(RESIZE, REQUEST, ENVIRONMENT)).as("a pooled context answers the same").isEqualTo(result);
    }

    @Test
    void the_reference_example_with_single_quotes_is_javascript_not_interpolation() {
        String quoted = RESIZE.replace("`w_${request.query.width},h_${request.query.height},c_limit/`",
                "'w_${request.query.width},h_${request.query.height},c_limit/'");
        assertThat(engine.map(quoted, REQUEST, ENVIRONMENT).transformation()).isEqualTo("w_${request.query.width},h_${request.query.height},c_limit/");
    }

    @Test
    void syntax_errors_and_missing_map_are_refused_when_saved_naming_the_line() {
        assertThatThrownBy(() -> engine.compile("function map(r, e) {\n  return {;\n}")).isInstanceOf(DarkroomException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> engine.compile("function other() {}")).isInstanceOf(DarkroomException.class)
                .hasMessageContaining("function map(request, environment)");
        engine.compile(RESIZE);
    }

    @Test
    void runaway_and_hostile_code_is_stopped_with_a_clear_message() {
        long started = System.nanoTime();
        assertThat(refusal("function map(r, e) { while (true) {} }")).as("caught on the sample call of a new context")
                .contains("ran longer than 1000 ms");
        assertThat((System.nanoTime() - started) / 1_000_000).as("stopped near the load deadline").isLessThan(2_000);
        String loopsOnWidth = "function map(r, e) { if (r.query.width) { while (true) {} } return {fwd_key: 'a', media_key: 'a',"
                + " transformation: '', resource_type: 'image'}; }";
        engine.compile(loopsOnWidth);
        started = System.nanoTime();
        assertThat(refusal(loopsOnWidth)).as("a loop only real requests reach: the call's own deadline").contains("ran longer than 50 ms");
        assertThat((System.nanoTime() - started) / 1_000_000).as("stopped near its deadline").isLessThan(1_000);
        assertThat(refusal("function map(r, e) { const a = []; while (true) { a.push(new Array(100000).fill(1)); } }"))
                .containsAnyOf("ran longer", "exhausted");
        assertThat(refusal("function map(r, e) { let s = 'x'; while (true) { s = s + s; } }")).containsAnyOf("threw", "ran longer", "exhausted");
        assertThat(refusal("function map(r, e) { return Java.type('java.lang.System').exit(1); }")).contains("threw");
        assertThat(refusal("function map(r, e) { return Packages.java.lang.System.exit(1); }")).contains("threw");
        assertThat(refusal("function map(r, e) { java.lang.System.exit(1); }")).contains("threw");
        assertThat(refusal("function map(r, e) { return require('fs'); }")).contains("threw");
        assertThat(refusal("function map(r, e) { return fetch('http://example.com'); }")).contains("threw");
        assertThat(refusal("function map(r, e) { return import('fs'); }")).containsAnyOf("Promise", "threw", "ran longer");
        assertThat(refusal("async function map(r, e) { return {fwd_key: 'a', media_key: 'a', transformation: '', resource_type: 'image'}; }"))
                .contains("Promise");
        assertThat(refusal("function map(r, e) { throw new Error('no such media'); }")).contains("no such media");
        assertThat(refusal("function map(r, e) { return {fwd_key: 'a'}; }")).contains("media_key");
        assertThat(refusal("function map(r, e) { return 'a'; }")).contains("not an object");
        assertThat(engine.map(RESIZE, REQUEST, ENVIRONMENT).fwdKey()).as("still serving").isEqualTo("cat.jpg");
    }

    @Test
    void bombs_running_beside_good_calls_leave_the_good_ones_answered() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<String>> warm = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            warm.add(pool.submit(() -> engine.map(RESIZE, REQUEST, ENVIRONMENT).fwdKey()));
        }
        for (Future<String> answer : warm) {
            answer.get();
        }
        List<Future<String>> good = new ArrayList<>();
        List<Future<String>> bad = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            bad.add(pool.submit(() -> refusal("function map(r, e) { const a = []; while (true) { a.push('x'.repeat(100000)); } }")));
        }
        for (int i = 0; i < 30; i++) {
            good.add(pool.submit(() -> engine.map(RESIZE, REQUEST, ENVIRONMENT).fwdKey()));
        }
        for (Future<String> answer : good) {
            assertThat(answer.get()).isEqualTo("cat.jpg");
        }
        for (Future<String> answer : bad) {
            assertThat(answer.get()).containsAnyOf("ran longer", "exhausted", "threw");
        }
        pool.shutdown();
    }
}
