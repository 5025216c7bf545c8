package io.darkroom.api.web;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The Node SDK sends {@code /} inside a public id as {@code %2F}; Tomcat rejects encoded slashes
 * by default. Passing them through lets Spring decode each path segment, so
 * {@code folder%2Fname} and {@code folder/name} reach the same resource.
 */
@Component
public class TomcatEncodedSlashes implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
    }
}
