package io.darkroom.application.derivation;

import io.darkroom.application.support.DarkroomException;

import java.util.regex.Pattern;

/**
 * A width, height or offset as a transformation writes it: whole pixels ({@code 150}), a share of the
 * input ({@code 0.5}: any value with a decimal point), or an arithmetic expression over {@code iw},
 * {@code ih} and numbers evaluated left to right ({@code iw_mul_0.5}, {@code ih_div_2_add_10}), as
 * Cloudinary evaluates them. Resolved against the dimensions of the image the component receives.
 */
public record Length(String text) {
    private static final Pattern NUMBER = Pattern.compile("-?(?:\\d+(?:\\.\\d*)?|\\.\\d+)");

    /** Parses {@code text}, refusing with a 400 what Darkroom cannot evaluate (variables, other image values). */
    public static Length of(String name, String text) {
        if (text == null) {
            return null;
        }
        String[] tokens = text.split("_");
        if (tokens.length % 2 == 0) {
            throw unsupported(name, text);
        }
        for (int i = 0; i < tokens.length; i++) {
            boolean operand = i % 2 == 0;
            if (operand && !NUMBER.matcher(tokens[i]).matches() && !tokens[i].equals("iw") && !tokens[i].equals("ih")) {
                throw unsupported(name, text);
            }
            if (!operand && !Pattern.matches("add|sub|mul|div", tokens[i])) {
                throw unsupported(name, text);
            }
        }
        return new Length(text);
    }

    /** Whether this is a share of the input rather than pixels. */
    public boolean relative() {
        return text.indexOf('_') < 0 && text.indexOf('.') >= 0;
    }

    /** The value in pixels for an input of {@code inputWidth} x {@code inputHeight}, {@code reference} the dimension a share is of. */
    public double pixels(int inputWidth, int inputHeight, int reference) {
        String[] tokens = text.split("_");
        double value = operand(tokens[0], inputWidth, inputHeight);
        for (int i = 1; i < tokens.length; i += 2) {
            double next = operand(tokens[i + 1], inputWidth, inputHeight);
            value = switch (tokens[i]) {
                case "add" -> value + next;
                case "sub" -> value - next;
                case "mul" -> value * next;
                default -> next == 0 ? Double.NaN : value / next;
            };
        }
        return relative() ? value * reference : value;
    }

    private static double operand(String token, int inputWidth, int inputHeight) {
        return switch (token) {
            case "iw" -> inputWidth;
            case "ih" -> inputHeight;
            default -> Double.parseDouble(token);
        };
    }

    private static DarkroomException unsupported(String name, String text) {
        return DarkroomException.badRequest("Transformation not supported yet: " + name + " " + text
                + " (pixels, a decimal share of the input, or an expression of iw, ih and numbers with add/sub/mul/div)");
    }
}
