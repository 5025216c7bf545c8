package io.darkroom.application.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Cloudinary's search language into a {@link SearchNode} tree: {@code field:value}, {@code field=value},
 * {@code < > <= >=} (also as {@code field:>value}), ranges {@code [a TO b]} and {@code {a TO b}}, {@code AND OR NOT} and
 * {@code && || - !}, parentheses, quoted values with backslash escapes, a trailing {@code *} wildcard, and bare terms;
 * terms side by side are all required. No library reads this dialect (Lucene's parser knows neither {@code =} nor bare
 * comparisons), and a hand-written reader gives every error its exact position. Bounded: at most
 * {@value #MAX_LENGTH} characters, {@value #MAX_DEPTH} levels of nesting and {@value #MAX_CONDITIONS} conditions, so
 * one expression cannot make the database do unbounded work.
 */
public final class SearchExpression {
    public static final int MAX_LENGTH = 4096;
    public static final int MAX_DEPTH = 32;
    public static final int MAX_CONDITIONS = 100;

    private final String text;
    private final java.util.function.Function<String, Optional<SearchField>> fields;
    private int pos;
    private int depth;
    private int conditions;

    private SearchExpression(String text, java.util.function.Function<String, Optional<SearchField>> fields) {
        this.text = text;
        this.fields = fields;
    }

    /** The tree of {@code expression} over resource fields; null or blank matches everything. */
    public static SearchNode parse(String expression) {
        return parse(expression, SearchField::named);
    }

    /** The tree of {@code expression} with {@code fields} saying what each field name means (empty: unknown). */
    public static SearchNode parse(String expression, java.util.function.Function<String, Optional<SearchField>> fields) {
        if (expression == null || expression.isBlank()) {
            return new SearchNode.Everything();
        }
        if (expression.length() > MAX_LENGTH) {
            throw new SearchSyntaxException("Expression is longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        SearchExpression parser = new SearchExpression(expression, fields);
        SearchNode node = parser.or();
        parser.skipBlanks();
        if (parser.pos < expression.length()) {
            throw new SearchSyntaxException(parser.peek() == ')' ? "Unbalanced ')'" : "Unexpected '" + parser.peek() + "'",
                    parser.pos);
        }
        return node;
    }

    private SearchNode or() {
        List<SearchNode> operands = new ArrayList<>();
        operands.add(and());
        while (keyword("OR") || symbol("||")) {
            operands.add(and());
        }
        return operands.size() == 1 ? operands.get(0) : new SearchNode.Any(operands);
    }

    private SearchNode and() {
        List<SearchNode> operands = new ArrayList<>();
        operands.add(unary());
        while (true) {
            if (keyword("AND") || symbol("&&")) {
                operands.add(unary());
                continue;
            }
            skipBlanks();
            if (atEnd() || peek() == ')' || startsKeyword("OR") || text.startsWith("||", pos)) {
                break;
            }
            operands.add(unary()); // side by side: both required
        }
        return operands.size() == 1 ? operands.get(0) : new SearchNode.All(operands);
    }

    private SearchNode unary() {
        skipBlanks();
        if (keyword("NOT")) {
            return new SearchNode.Not(nested(this::unary));
        }
        if (!atEnd() && (peek() == '-' || peek() == '!') && pos + 1 < text.length() && !isBlank(text.charAt(pos + 1))) {
            pos++;
            return new SearchNode.Not(nested(this::unary));
        }
        return primary();
    }

    private SearchNode primary() {
        skipBlanks();
        if (atEnd()) {
            throw new SearchSyntaxException("Expression ends where a condition was expected", pos);
        }
        char c = peek();
        if (c == '(') {
            int open = pos++;
            SearchNode inner = nested(this::or);
            skipBlanks();
            if (atEnd() || peek() != ')') {
                throw new SearchSyntaxException("Missing ')' for the '(' at position " + (open + 1), pos);
            }
            pos++;
            return inner;
        }
        if (c == ')') {
            throw new SearchSyntaxException("Unbalanced ')'", pos);
        }
        count();
        Optional<SearchNode> field = fieldCondition();
        return field.orElseGet(this::term);
    }

    private SearchNode nested(java.util.function.Supplier<SearchNode> inner) {
        if (++depth > MAX_DEPTH) {
            throw new SearchSyntaxException("Expression nests deeper than " + MAX_DEPTH + " levels", pos);
        }
        try {
            return inner.get();
        } finally {
            depth--;
        }
    }

    private void count() {
        if (++conditions > MAX_CONDITIONS) {
            throw new SearchSyntaxException("Expression has more than " + MAX_CONDITIONS + " conditions", pos);
        }
    }

    /** {@code name op value} when the text here is one; else nothing is consumed. */
    private Optional<SearchNode> fieldCondition() {
        int start = pos;
        int end = pos;
        while (end < text.length() && isNameChar(text.charAt(end))) {
            end++;
        }
        if (end == start || end >= text.length() || ":=<>".indexOf(text.charAt(end)) < 0) {
            return Optional.empty();
        }
        String name = text.substring(start, end);
        SearchField field = fields.apply(name).orElseThrow(() -> new SearchSyntaxException(
                name.equalsIgnoreCase("context") ? "context needs a key: context.KEY" : "Unknown search field: " + name, start));
        String key = field == SearchField.CONTEXT ? name.substring("context.".length()) : null;
        pos = end;
        SearchNode.Operator operator = operator();
        int valueAt = pos;
        if (!atEnd() && (peek() == '[' || peek() == '{')) {
            if (operator != SearchNode.Operator.MATCH) {
                throw new SearchSyntaxException("A range follows ':' only", valueAt);
            }
            return Optional.of(range(field, key, start));
        }
        Value value = value(false);
        if (value.text.isEmpty() && !value.prefix && !value.quoted) {
            throw new SearchSyntaxException(name + " expects a value", valueAt);
        }
        return Optional.of(new SearchNode.Comparison(field, key, operator, value.text, value.prefix, start));
    }

    private SearchNode.Operator operator() {
        char first = text.charAt(pos++);
        if (first == ':') {
            if (text.startsWith(">=", pos) || text.startsWith("<=", pos)) {
                pos += 2;
                return text.charAt(pos - 2) == '>' ? SearchNode.Operator.GREATER_OR_EQUAL : SearchNode.Operator.LESS_OR_EQUAL;
            }
            if (!atEnd() && (peek() == '>' || peek() == '<')) {
                return text.charAt(pos++) == '>' ? SearchNode.Operator.GREATER : SearchNode.Operator.LESS;
            }
            return SearchNode.Operator.MATCH;
        }
        if (first == '=') {
            return SearchNode.Operator.EQUALS;
        }
        boolean orEqual = !atEnd() && peek() == '=';
        if (orEqual) {
            pos++;
        }
        if (first == '>') {
            return orEqual ? SearchNode.Operator.GREATER_OR_EQUAL : SearchNode.Operator.GREATER;
        }
        return orEqual ? SearchNode.Operator.LESS_OR_EQUAL : SearchNode.Operator.LESS;
    }

    private SearchNode range(SearchField field, String key, int at) {
        boolean lowInclusive = text.charAt(pos++) == '[';
        skipBlanks();
        Value low = value(true);
        if (!keyword("TO")) {
            throw new SearchSyntaxException("A range needs TO between its ends", pos);
        }
        skipBlanks();
        Value high = value(true);
        skipBlanks();
        if (atEnd() || (peek() != ']' && peek() != '}')) {
            throw new SearchSyntaxException("A range ends with ']' or '}'", pos);
        }
        boolean highInclusive = text.charAt(pos++) == ']';
        return new SearchNode.Range(field, key, open(low), lowInclusive, open(high), highInclusive, at);
    }

    private static String open(Value end) {
        return !end.quoted && end.prefix && end.text.isEmpty() ? null : end.text;
    }

    private SearchNode term() {
        int start = pos;
        Value value = value(false);
        if (value.text.isEmpty() && !value.quoted) {
            throw new SearchSyntaxException("Expected a condition", start);
        }
        return new SearchNode.Term(value.text, value.quoted, value.prefix, start);
    }

    private record Value(String text, boolean quoted, boolean prefix) {
    }

    /** A quoted or plain value; a plain one ends at a blank, a parenthesis or (in a range) a bracket. */
    private Value value(boolean inRange) {
        if (!atEnd() && peek() == '"') {
            int open = pos++;
            StringBuilder out = new StringBuilder();
            while (!atEnd() && peek() != '"') {
                char c = text.charAt(pos++);
                if (c == '\\') {
                    if (atEnd()) {
                        break;
                    }
                    c = text.charAt(pos++);
                }
                out.append(c);
            }
            if (atEnd()) {
                throw new SearchSyntaxException("Unclosed quote", open);
            }
            pos++;
            return new Value(out.toString(), true, false);
        }
        StringBuilder out = new StringBuilder();
        boolean prefix = false;
        while (!atEnd()) {
            char c = peek();
            if (isBlank(c) || c == '(' || c == ')' || (inRange && (c == ']' || c == '}'))) {
                break;
            }
            pos++;
            if (prefix) {
                throw new SearchSyntaxException("Only a trailing * wildcard is supported", pos - 2);
            }
            if (c == '\\' && !atEnd()) {
                out.append(text.charAt(pos++));
            } else if (c == '*') {
                prefix = true;
            } else if (c == '"') {
                throw new SearchSyntaxException("A quote may not start inside a value", pos - 1);
            } else {
                out.append(c);
            }
        }
        return new Value(out.toString(), false, prefix);
    }

    private boolean keyword(String word) {
        skipBlanks();
        if (startsKeyword(word)) {
            pos += word.length();
            return true;
        }
        return false;
    }

    private boolean startsKeyword(String word) {
        int end = pos + word.length();
        return text.startsWith(word, pos) && (end == text.length() || isBlank(text.charAt(end)) || text.charAt(end) == '(');
    }

    private boolean symbol(String symbol) {
        skipBlanks();
        if (text.startsWith(symbol, pos)) {
            pos += symbol.length();
            return true;
        }
        return false;
    }

    private void skipBlanks() {
        while (!atEnd() && isBlank(peek())) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c);
    }

    private static boolean isNameChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-');
    }
}
