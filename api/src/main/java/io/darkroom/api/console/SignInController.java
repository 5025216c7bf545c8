package io.darkroom.api.console;

import io.darkroom.api.web.RequestMetadata;
import io.darkroom.application.cloud.Credentials;
import io.darkroom.application.console.ConsoleSession;
import io.darkroom.application.console.ConsoleSignIn;
import io.darkroom.application.support.DarkroomException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * Signing in and out. The sign-in form carries a token also set as a cookie (double submit), so another site cannot
 * sign a browser in under its own key; the secret is read from the form once and kept nowhere.
 */
@Controller
public class SignInController {
    private static final String FORM_COOKIE = "darkroom_console_form";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConsoleSignIn signIn;

    public SignInController(ConsoleSignIn signIn) {
        this.signIn = signIn;
    }

    @GetMapping("/console/sign-in")
    String form(@RequestParam(name = "next", required = false) String next, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        return page(model, request, response, next, null, 200);
    }

    @PostMapping("/console/sign-in")
    String signIn(@RequestParam(name = "cloud", required = false) String cloud,
                  @RequestParam(name = "operator_token", required = false) String operatorToken,
                  @RequestParam(name = "api_key", required = false) String apiKey,
                  @RequestParam(name = "api_secret", required = false) String apiSecret,
                  @RequestParam(name = "form_token", required = false) String formToken,
                  @RequestParam(name = "next", required = false) String next,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        String expected = ConsoleAccess.cookie(request, FORM_COOKIE);
        if (expected == null || formToken == null || !Credentials.matches(expected, formToken)) {
            return page(model, request, response, next, "The sign-in form expired; please sign in again.", 403);
        }
        model.addAttribute("cloud", cloud);
        model.addAttribute("apiKey", apiKey);
        try {
            ConsoleSession session = operatorToken != null
                    ? signIn.signInOperator(operatorToken, RequestMetadata.clientAddress())
                    : signIn.signIn(cloud, apiKey, apiSecret, RequestMetadata.clientAddress());
            response.addHeader("Set-Cookie", ResponseCookie.from(ConsoleAccess.COOKIE, session.token()).path("/console")
                    .httpOnly(true).secure(request.isSecure()).sameSite("Strict").build().toString());
            response.addHeader("Set-Cookie", ResponseCookie.from(FORM_COOKIE, "").path("/console").maxAge(0).build().toString());
            return "redirect:" + safeNext(next);
        } catch (DarkroomException e) {
            if (e.kind() == DarkroomException.Kind.LOCKED_OUT) {
                return page(model, request, response, next, e.getMessage(), 429);
            }
            return page(model, request, response, next, operatorToken != null ? "Wrong operator token."
                    : "Wrong cloud name, API key or API secret.", 401);
        }
    }

    @PostMapping("/console/sign-out")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        signIn.signOut(ConsoleAccess.cookie(request, ConsoleAccess.COOKIE));
        response.addHeader("Set-Cookie", ResponseCookie.from(ConsoleAccess.COOKIE, "").path("/console").httpOnly(true)
                .secure(request.isSecure()).sameSite("Strict").maxAge(0).build().toString());
        return "redirect:/console/sign-in";
    }

    private String page(Model model, HttpServletRequest request, HttpServletResponse response, String next, String error,
                        int status) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        response.addHeader("Set-Cookie", ResponseCookie.from(FORM_COOKIE, token).path("/console").httpOnly(true)
                .secure(request.isSecure()).sameSite("Strict").maxAge(Duration.ofHours(1)).build().toString());
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", ConsoleAccess.POLICY);
        model.addAttribute("formToken", token);
        model.addAttribute("next", safeNext(next));
        model.addAttribute("operator", safeNext(next).startsWith(ConsoleAccess.OPERATIONS));
        model.addAttribute("error", error);
        return "console/sign-in";
    }

    /** Only a path of the console itself: never another site (an open redirect). */
    static String safeNext(String next) {
        return next != null && next.startsWith("/console") && !next.startsWith("//") && !next.contains("\\") ? next : "/console/media";
    }
}
