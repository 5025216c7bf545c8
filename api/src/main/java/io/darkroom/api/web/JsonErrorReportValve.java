package io.darkroom.api.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.Writer;

/**
 * Tomcat's last-resort error page, as JSON: used only for errors no servlet answered (which
 * Spring's handlers cover otherwise). Statuses outside the reference are mapped like
 * {@link JsonErrorController} maps them.
 */
class JsonErrorReportValve extends ErrorReportValve {
    JsonErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        int mapped = status >= 500 ? 500 : switch (status) {
            case 401, 403, 404, 409, ApiErrors.RATE_LIMITED -> status;
            case 405 -> 404;
            default -> 400;
        };
        try {
            response.setStatus(mapped);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"error\":{\"message\":\"" + (mapped == 500 ? "Internal error" : "Bad request") + "\"}}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone or the response was taken over: nothing more can be sent
        }
    }
}
