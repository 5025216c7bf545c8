package io.darkroom.api.optimizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.api.DarkroomIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Media Optimizer configuration endpoint over HTTP on real PostgreSQL, in the reference's shapes, and its rules:
 * per-type config validation, secrets encrypted at rest and shown as "encrypted", built-in mapping functions read-only,
 * code compiled when saved, profiles naming what exists, in-use deletes refused, one enabled profile per domain and
 * prefix, cross-cloud ids not found, the usage date window, and every change in the audit trail with its actor.
 */
class MediaOptimizerApiTest extends DarkroomIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "mo-key";
    private static final String SECRET = "mo-secret";
    private static final String CODE = "function map(request, environment) {\n  return { fwd_key: request.path, media_key: request.path,"
            + " transformation: `w_${request.query.width}`, resource_type: 'image' };\n}";

    @Autowired
    JdbcTemplate jdbc;

    private HttpResponse<String> call(String method, String path, String json) throws Exception {
        return send(method, "/v1/mo-cloud" + path, "application/json", json == null ? "" : json, KEY, SECRET);
    }

    private JsonNode ok(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static void refused(HttpResponse<String> answer, int status, String message) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(JSON.readTree(answer.body()).path("error").path("message").asText()).contains(message);
    }

    @Test
    void ping_domains_and_the_usage_window() throws Exception {
        assertThat(ok(call("GET", "/ping", null)).toString()).isEqualTo("{\"status\":\"ok\"}");
        String refused = "Invalid credentials for cloud mo-cloud: use HTTP Basic with the cloud's api_key and api_secret";
        assertError(get("/v1/mo-cloud/ping", KEY, "wrong"), 401, refused);
        assertError(get("/v1/mo-cloud/ping", "mo2-key", "mo2-secret"), 401, refused);

        JsonNode domains = ok(call("GET", "/domains", null));
        assertThat(domains).hasSize(2);
        assertThat(domains.get(0).path("domains").asText()).isEqualTo("mo-cloud.mo.localhost");
        assertThat(domains.get(0).path("id").asText()).matches("[0-9a-f]{32}");
        assertThat(domains.get(1).path("domains").asText()).isEqualTo("media.example.test");

        DateTimeFormatter format = DateTimeFormatter.ofPattern("dd-MM-yyyy");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode usage = ok(call("GET", "/usage?date=" + today.minusDays(3).format(format), null));
        assertThat(usage.path("last_updated").asText()).isEqualTo(today.minusDays(3).toString());
        for (String field : new String[] {"plan", "transformations", "bandwidth", "credits", "requests", "media_limits"}) {
            assertThat(usage.has(field)).as(field).isTrue();
        }
        assertThat(usage.path("transformations").has("credits_usage")).isTrue();
        assertThat(usage.path("media_limits").path("image_max_size_bytes").asLong()).isEqualTo(30L * 1024 * 1024);
        assertThat(ok(call("GET", "/usage", null)).path("last_updated").asText()).isEqualTo(today.toString());
        refused(call("GET", "/usage?date=" + today.plusDays(1).format(format), null), 400, "future");
        refused(call("GET", "/usage?date=" + today.minusMonths(4).format(format), null), 400, "three months");
        refused(call("GET", "/usage?date=2026-01-01", null), 400, "dd-mm-yyyy");
    }

    @Test
    void media_sources_validate_their_config_and_keep_secrets_encrypted() throws Exception {
        refused(call("POST", "/media_sources", "{\"display_name\":\"x\",\"uri_type\":\"ftp\"}"), 400, "uri_type");
        refused(call("POST", "/media_sources", "{\"display_name\":\"x\",\"uri_type\":\"web\",\"config\":{}}"), 400, "web_uri_base");
        refused(call("POST", "/media_sources", "{\"display_name\":\"x\",\"uri_type\":\"s3\",\"config\":{\"s3_bucket_name\":\"b\","
                + "\"s3_access_key\":\"AK\"}}"), 400, "s3_secret_key");
        refused(call("POST", "/media_sources", "{\"display_name\":\"x\",\"uri_type\":\"web\",\"config\":{\"web_uri_base\":\"https://a\","
                + "\"s3_bucket_name\":\"b\"}}"), 400, "s3_bucket_name");
        refused(call("POST", "/media_sources", "{\"uri_type\":\"http\"}"), 400, "display_name");

        JsonNode web = ok(call("POST", "/media_sources", "{\"display_name\":\"site\",\"uri_type\":\"web\",\"config\":{"
                + "\"web_uri_base\":\"https://mysite.example\",\"web_headers\":{\"X-Origin\":\"darkroom\"},\"web_uri_template\":\"{{fwd_key}}\"}}"));
        assertThat(web.path("id").asText()).matches("[0-9a-f]{32}");
        assertThat(web.path("config").toString())
                .isEqualTo("{\"web_uri_base\":\"https://mysite.example\",\"web_headers\":{\"X-Origin\":\"darkroom\"},\"web_uri_template\":\"{{fwd_key}}\"}");

        String secretKey = "s3-secret-" + System.nanoTime();
        JsonNode s3 = ok(call("POST", "/media_sources", "{\"display_name\":\"bucket\",\"uri_type\":\"s3\",\"config\":{"
                + "\"s3_bucket_name\":\"my_bucket\",\"s3_bucket_folder\":\"f\",\"s3_access_key\":\"AKIA123\",\"s3_secret_key\":\"" + secretKey + "\"}}"));
        assertThat(s3.path("config").path("s3_access_key").asText()).isEqualTo("encrypted");
        assertThat(s3.path("config").path("s3_secret_key").asText()).isEqualTo("encrypted");
        assertThat(s3.path("config").path("s3_bucket_name").asText()).isEqualTo("my_bucket");
        String id = s3.path("id").asText();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') LIKE ?",
                Integer.class, "%" + secretKey + "%")).as("no plaintext secret in the events").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mo_media_source WHERE config LIKE ? OR config LIKE '%AKIA123%'",
                Integer.class, "%" + secretKey + "%")).as("no plaintext secret in the read model").isZero();

        JsonNode renamed = ok(call("PUT", "/media_sources/" + id, "{\"display_name\":\"new s3 media source\"}"));
        assertThat(renamed.path("display_name").asText()).isEqualTo("new s3 media source");
        assertThat(renamed.path("config").path("s3_bucket_folder").asText()).isEqualTo("f");
        refused(call("PUT", "/media_sources/" + id, "{\"config\":{\"s3_bucket_name\":\"my_bucket\",\"s3_bucket_folder\":\"g\"}}"),
                400, "s3_access_key");
        JsonNode moved = ok(call("PUT", "/media_sources/" + id, "{\"config\":{\"s3_bucket_name\":\"my_bucket\",\"s3_bucket_folder\":\"g\","
                + "\"s3_access_key\":\"AKIA123\",\"s3_secret_key\":\"other\"}}"));
        assertThat(moved.path("config").path("s3_bucket_folder").asText()).isEqualTo("g");
        assertThat(ok(call("GET", "/media_sources/" + id, null)).path("config").path("s3_secret_key").asText()).isEqualTo("encrypted");

        JsonNode list = ok(call("GET", "/media_sources", null));
        assertThat(list.findValuesAsText("id")).contains(web.path("id").asText(), id);
        // another cloud's id is not found
        assertError(get("/v1/mo2-cloud/media_sources/" + id, "mo2-key", "mo2-secret"), 404, "Media source " + id + " not found");
        assertError(send("DELETE", "/v1/mo2-cloud/media_sources/" + id, null, "", "mo2-key", "mo2-secret"), 404,
                "Media source " + id + " not found");
        assertThat(ok(call("DELETE", "/media_sources/" + id, null)).toString()).isEqualTo("{\"message\":\"ok\"}");
        assertError(call("GET", "/media_sources/" + id, null), 404, "Media source " + id + " not found");

        JsonNode audit = JSON.readTree(get("/v1_1/mo-cloud/audit?max_results=50", KEY, SECRET).body());
        assertThat(audit.toString()).contains("MediaSourceCreated", "MediaSourceUpdated", "MediaSourceDeleted", "\"actor\":\"mo-key\"")
                .doesNotContain(secretKey);
    }

    @Test
    void mapping_functions_list_built_ins_compile_custom_code_and_refuse_changes_to_built_ins() throws Exception {
        JsonNode list = ok(call("GET", "/mapping_functions", null));
        assertThat(list.get(0).toString()).isEqualTo("{\"id\":\"9468a72d37440570233dd41eeacc0b04\",\"display_name\":\"Media Optimizer\","
                + "\"code\":\"\",\"template_type\":\"media_optimizer\"}");
        assertThat(list.get(1).toString()).isEqualTo("{\"id\":\"63b432465f829b7fe342851bd1138447\",\"display_name\":\"Programmable Media\","
                + "\"code\":\"\",\"template_type\":\"programmable_media\"}");
        refused(call("PUT", "/mapping_functions/9468a72d37440570233dd41eeacc0b04", "{\"display_name\":\"mine\"}"), 403, "built in");
        refused(call("DELETE", "/mapping_functions/63b432465f829b7fe342851bd1138447", null), 403, "built in");

        refused(call("POST", "/mapping_functions", JSON.writeValueAsString(java.util.Map.of("display_name", "bad",
                "code", "function map(r, e) {\n  return {;\n}"))), 400, "line 2");
        refused(call("POST", "/mapping_functions", "{\"display_name\":\"x\"}"), 400, "code");

        JsonNode custom = ok(call("POST", "/mapping_functions", JSON.writeValueAsString(java.util.Map.of("display_name", "resize",
                "code", CODE))));
        assertThat(custom.path("template_type").asText()).isEqualTo("custom");
        assertThat(custom.path("code").asText()).isEqualTo(CODE);
        String id = custom.path("id").asText();
        JsonNode renamed = ok(call("PUT", "/mapping_functions/" + id, "{\"display_name\":\"renamed mapping function\"}"));
        assertThat(renamed.path("display_name").asText()).isEqualTo("renamed mapping function");
        assertThat(renamed.path("code").asText()).isEqualTo(CODE);
        assertThat(ok(call("GET", "/mapping_functions", null)).findValuesAsText("id")).contains(id);
        assertError(get("/v1/mo2-cloud/mapping_functions/" + id, "mo2-key", "mo2-secret"), 404, "Mapping function " + id + " not found");
        assertThat(ok(call("DELETE", "/mapping_functions/" + id, null)).path("message").asText()).isEqualTo("ok");
        assertError(call("GET", "/mapping_functions/" + id, null), 404, "Mapping function " + id + " not found");
    }

    @Test
    void delivery_profiles_name_what_exists_and_keep_their_rules() throws Exception {
        String domain = ok(call("GET", "/domains", null)).get(0).path("id").asText();
        String source = ok(call("POST", "/media_sources", "{\"display_name\":\"h\",\"uri_type\":\"http\"}")).path("id").asText();
        String function = ok(call("POST", "/mapping_functions", JSON.writeValueAsString(java.util.Map.of("display_name", "f",
                "code", CODE)))).path("id").asText();
        String otherSource = JSON.readTree(send("POST", "/v1/mo2-cloud/media_sources", "application/json",
                "{\"display_name\":\"h\",\"uri_type\":\"http\"}", "mo2-key", "mo2-secret").body()).path("id").asText();

        refused(call("POST", "/delivery_profiles", "{\"display_name\":\"p\",\"cname_id\":\"" + domain + "\",\"mapping_function_id\":\""
                + function + "\"}"), 400, "media_source_ids");
        refused(call("POST", "/delivery_profiles", "{\"display_name\":\"p\",\"mapping_function_id\":\"" + function
                + "\",\"media_source_ids\":[\"" + source + "\"]}"), 400, "cname_id");
        refused(call("POST", "/delivery_profiles", "{\"display_name\":\"p\",\"cname_id\":\"" + domain + "\",\"mapping_function_id\":\""
                + function + "\",\"media_source_ids\":[\"" + otherSource + "\"]}"), 404, otherSource);
        refused(call("POST", "/delivery_profiles", "{\"display_name\":\"p\",\"cname_id\":\"0123456789abcdef0123456789abcdef\","
                + "\"mapping_function_id\":\"" + function + "\",\"media_source_ids\":[\"" + source + "\"]}"), 404, "Domain");

        String body = "{\"display_name\":\"images\",\"path_prefix\":\"images\",\"cname_id\":\"" + domain + "\",\"default_transformation\":"
                + "\"small_image\",\"mapping_function_id\":\"" + function + "\",\"media_source_ids\":[\"" + source + "\"]}";
        JsonNode profile = ok(call("POST", "/delivery_profiles", body));
        assertThat(profile.path("is_enabled").asBoolean(true)).as("new profiles are disabled").isFalse();
        assertThat(profile.path("path_prefix").asText()).isEqualTo("images");
        assertThat(profile.path("media_source_ids").toString()).isEqualTo("[\"" + source + "\"]");
        String id = profile.path("id").asText();
        JsonNode enabled = ok(call("PUT", "/delivery_profiles/" + id, "{\"display_name\":\"my images\",\"is_enabled\":true}"));
        assertThat(enabled.path("is_enabled").asBoolean()).isTrue();
        assertThat(enabled.path("display_name").asText()).isEqualTo("my images");
        assertThat(enabled.path("default_transformation").asText()).isEqualTo("small_image");

        String twin = ok(call("POST", "/delivery_profiles", body)).path("id").asText();
        refused(call("PUT", "/delivery_profiles/" + twin, "{\"is_enabled\":true}"), 409, id);
        assertThat(ok(call("PUT", "/delivery_profiles/" + twin, "{\"path_prefix\":\"videos\",\"is_enabled\":true}"))
                .path("is_enabled").asBoolean()).isTrue();

        refused(call("DELETE", "/media_sources/" + source, null), 409, id);
        refused(call("DELETE", "/mapping_functions/" + function, null), 409, "delivery profile");
        assertError(get("/v1/mo2-cloud/delivery_profiles/" + id, "mo2-key", "mo2-secret"), 404, "Delivery profile " + id + " not found");
        assertThat(ok(call("GET", "/delivery_profiles", null)).findValuesAsText("id")).contains(id, twin);
        assertThat(ok(call("GET", "/delivery_profiles/" + id, null)).path("display_name").asText()).isEqualTo("my images");

        assertThat(ok(call("DELETE", "/delivery_profiles/" + id, null)).path("message").asText()).isEqualTo("ok");
        assertThat(ok(call("DELETE", "/delivery_profiles/" + twin, null)).path("message").asText()).isEqualTo("ok");
        assertThat(ok(call("DELETE", "/media_sources/" + source, null)).path("message").asText()).isEqualTo("ok");
        assertThat(ok(call("DELETE", "/mapping_functions/" + function, null)).path("message").asText()).isEqualTo("ok");
        assertThat(JSON.readTree(get("/v1_1/mo-cloud/audit?max_results=100", KEY, SECRET).body()).toString())
                .contains("DeliveryProfileCreated", "DeliveryProfileUpdated", "DeliveryProfileDeleted", "MappingFunctionDeleted");
    }

    @Test
    void transformations_in_the_media_optimizer_shape_share_the_admin_api_ones() throws Exception {
        HttpResponse<String> created = send("POST", "/v1/mo-cloud/transformations/small_fill", "application/x-www-form-urlencoded",
                "transformation=w_150,h_100,c_fill", KEY, SECRET);
        assertThat(JSON.readTree(created.body()).toString()).isEqualTo("{\"message\":\"created\"}");
        send("POST", "/v1/mo-cloud/transformations/media_lib_thumb", "application/x-www-form-urlencoded",
                "transformation=c_limit,h_100,w_150", KEY, SECRET);
        JsonNode details = ok(call("GET", "/transformations/small_fill", null));
        assertThat(details.path("name").asText()).isEqualTo("t_small_fill");
        assertThat(details.path("transformation").asText()).isEqualTo("c_fill,h_100,w_150");
        assertThat(details.path("info").get(0).path("width").asInt()).isEqualTo(150);
        assertThat(JSON.readTree(get("/v1_1/mo-cloud/transformations/small_fill", KEY, SECRET).body()).path("name").asText())
                .as("the Admin API sees it").isEqualTo("t_small_fill");

        JsonNode first = ok(call("GET", "/transformations?max_results=1", null));
        assertThat(first.path("transformations")).hasSize(1);
        assertThat(first.path("transformations").get(0).has("transformation")).isTrue();
        JsonNode second = ok(call("GET", "/transformations?max_results=1&next_cursor=" + first.path("next_cursor").asText(), null));
        assertThat(second.path("transformations").get(0).path("name").asText())
                .isNotEqualTo(first.path("transformations").get(0).path("name").asText());

        assertThat(JSON.readTree(send("PUT", "/v1/mo-cloud/transformations/small_fill", "application/x-www-form-urlencoded",
                "transformation=w_150,h_150,c_fill", KEY, SECRET).body()).toString()).isEqualTo("{\"message\":\"updated\"}");
        assertThat(ok(call("GET", "/transformations/small_fill", null)).path("transformation").asText()).isEqualTo("c_fill,h_150,w_150");
        assertThat(ok(call("DELETE", "/transformations/small_fill", null)).toString()).isEqualTo("{\"message\":\"deleted\"}");
        assertError(call("GET", "/transformations/small_fill", null), 404, "Transformation small_fill not found");
        assertError(get("/v1/mo2-cloud/transformations/media_lib_thumb", "mo2-key", "mo2-secret"), 404,
                "Transformation media_lib_thumb not found");
    }
}
