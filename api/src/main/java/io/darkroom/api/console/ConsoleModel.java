package io.darkroom.api.console;

import io.darkroom.application.console.ConsoleSession;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;

/** What every console page's model holds: the session (named {@code console}: {@code session} is Thymeleaf's own). */
final class ConsoleModel {
    private ConsoleModel() {
    }

    static ConsoleSession session(HttpServletRequest request, Model model) {
        ConsoleSession session = session(request);
        model.addAttribute("console", session);
        return session;
    }

    static ConsoleSession session(HttpServletRequest request) {
        return (ConsoleSession) request.getAttribute(ConsoleAccess.SESSION);
    }
}
