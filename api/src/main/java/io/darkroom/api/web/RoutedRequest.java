package io.darkroom.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** A request handed on under another path: what routing by {@code Host} does before the delivery cache and the controllers. */
public final class RoutedRequest extends HttpServletRequestWrapper {
    private final String uri;

    public RoutedRequest(HttpServletRequest request, String uri) {
        super(request);
        this.uri = uri;
    }

    @Override
    public String getRequestURI() {
        return uri;
    }

    @Override
    public String getServletPath() {
        return uri;
    }

    @Override
    public StringBuffer getRequestURL() {
        HttpServletRequest request = (HttpServletRequest) getRequest();
        return new StringBuffer(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + uri);
    }
}
