package io.darkroom.domain.transformation;

import java.util.regex.Pattern;

/** The shapes values of transformation parameters may take (see {@link ParameterKey}). */
final class ValueShapes {
    private static final String NUM = "-?(?:\\d+(?:\\.\\d*)?|\\.\\d+)";
    private static final String VARIABLE = "\\$[a-zA-Z][a-zA-Z0-9]*";
    /** Operands of arithmetic expressions: numbers, variables and the predefined image values. */
    private static final String OPERAND = "(?:" + NUM + "|" + VARIABLE + "|iw|ih|w|h|ar|iar|fn|pc|cp|pp|ils|dur|idu|du|t)";
    private static final String EXPRESSION = OPERAND + "(?:_(?:add|sub|mul|div|pow|mod)_" + OPERAND + ")*";
    private static final String COLOR_VALUE = "(?:[a-z]{3,20}|rgb:(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8}))";

    static final Pattern NUMBER = Pattern.compile(NUM + "|" + VARIABLE);
    static final Pattern PERCENT = Pattern.compile("(?:100|\\d{1,2})|" + VARIABLE);
    static final Pattern DIMENSION = Pattern.compile(EXPRESSION + "|auto(?::[a-z0-9_.:]+)?");
    static final Pattern OFFSET_PIXELS = Pattern.compile(EXPRESSION);
    static final Pattern OFFSET = Pattern.compile("(?:" + NUM + ")p?|(?:" + NUM + ")%|" + EXPRESSION);
    static final Pattern ANGLE = Pattern.compile("(?:" + NUM + "|" + VARIABLE + ")|(?:auto_right|auto_left|hflip|vflip|ignore|exif)"
            + "(?:\\.(?:auto_right|auto_left|hflip|vflip|ignore|exif|" + NUM + "))*");
    static final Pattern ASPECT_RATIO = Pattern.compile("\\d+(?:\\.\\d+)?(?::\\d+(?:\\.\\d+)?)?|" + VARIABLE);
    static final Pattern COLOR = Pattern.compile(COLOR_VALUE);
    static final Pattern BACKGROUND = Pattern.compile(COLOR_VALUE + "|auto(?::[a-z0-9_]+)*|blurred(?::\\d+){0,2}|gen_fill(?::[^,/]+)?");
    static final Pattern BORDER = Pattern.compile("\\d{1,4}px_solid_" + COLOR_VALUE);
    static final Pattern CROP = Pattern.compile("scale|fit|limit|mfit|fill|lfill|fill_pad|pad|lpad|mpad|crop|thumb|imagga_crop"
            + "|imagga_scale|auto|auto_pad");
    static final Pattern GRAVITY = Pattern.compile("center|north|north_east|east|south_east|south|south_west|west|north_west"
            + "|xy_center|liquid|ocr_text|(?:adv_)?faces?(?::center|:auto)?|adv_eyes|custom(?::(?:adv_)?faces?|:center)?"
            + "|auto(?::[a-z0-9_]+)*");
    static final Pattern DPR = Pattern.compile("\\d+(?:\\.\\d+)?|auto|" + VARIABLE);
    static final Pattern QUALITY = Pattern.compile("(?:100|[1-9]\\d?)(?::\\d+|:420|:444)?|auto(?::(?:good|best|eco|low))?|jpegmini(?::\\d)?|"
            + VARIABLE);
    static final Pattern RADIUS = Pattern.compile("max|\\d{1,5}(?::\\d{1,5}){0,3}|" + VARIABLE);
    static final Pattern FORMAT = Pattern.compile("[a-z0-9]{2,5}|auto(?::[a-z]+)?");
    static final Pattern FLAGS = Pattern.compile("[a-z][a-z0-9_]*(?::[a-z0-9_]+)?(?:\\.[a-z][a-z0-9_]*(?::[a-z0-9_]+)?)*");
    static final Pattern EFFECT = Pattern.compile("[a-z][a-z0-9_]*(?::[-a-zA-Z0-9_.]+)*");
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]+");
    static final Pattern NAMED = Pattern.compile("[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*");
    static final Pattern LAYER = Pattern.compile("[A-Za-z0-9_.:%$-]+");
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:%$-]+");

    /** A condition of {@code if_}: comparisons joined by {@code _and_}/{@code _or_}, or {@code else}/{@code end}. */
    static final Pattern CONDITION = Pattern.compile("else|end|" + OPERAND + "_(?:eq|ne|lt|gt|lte|gte|in|nin)_" + OPERAND
            + "(?:_(?:and|or)_" + OPERAND + "_(?:eq|ne|lt|gt|lte|gte|in|nin)_" + OPERAND + ")*");
    static final Pattern VARIABLE_NAME = Pattern.compile(VARIABLE);
    static final Pattern VARIABLE_VALUE = Pattern.compile(EXPRESSION + "|!(?:[^!,/]*)!");

    private ValueShapes() {
    }
}
