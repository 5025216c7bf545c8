package io.darkroom.api.web;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat settings the API needs.
 * <ul>
 *   <li>The Node SDK sends {@code /} inside a public id as {@code %2F}, which Tomcat rejects by
 *   default; passing it through lets Spring decode each path segment, so {@code folder%2Fname}
 *   and {@code folder/name} reach the same resource.</li>
 *   <li>Errors Tomcat raises before any servlet runs (a malformed URL, say) are written as the
 *   API's JSON error instead of Tomcat's HTML page.</li>
 * </ul>
 */
@Component
public class TomcatCustomizations implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
        factory.addContextCustomizers(context -> context.getParent().getPipeline().addValve(new JsonErrorReportValve()));
    }
}
