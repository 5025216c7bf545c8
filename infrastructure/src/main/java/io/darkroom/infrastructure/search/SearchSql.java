package io.darkroom.infrastructure.search;

import io.darkroom.application.search.SearchField;
import io.darkroom.application.search.SearchNode;
import io.darkroom.application.search.SearchSyntaxException;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compiles a {@link SearchNode} tree into a SQL condition on {@code resource_listing r} with its arguments. Only this class
 * writes the SQL, from fixed fragments; every value of an expression goes in as an argument, never as text of the SQL.
 * Conditions are written so the indexes serve them: equality and ranges on the B-tree columns (a trailing {@code *} on
 * a C-collated column is a range), {@code @>} on the GIN-indexed tags and context, {@code @@} on the words.
 */
public final class SearchSql {
    /** The largest code point: {@code prefix + MAX} is above every string that starts with {@code prefix} (C collation). */
    private static final String MAX = new String(Character.toChars(Character.MAX_CODE_POINT));

    private final Clock clock;
    private final java.util.function.Function<SearchField, String> columns;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> args = new ArrayList<>();

    private SearchSql(Clock clock, java.util.function.Function<SearchField, String> columns) {
        this.clock = clock;
        this.columns = columns;
    }

    /** The condition and its arguments. */
    public record Condition(String sql, List<Object> args) {
    }

    static Condition of(SearchNode node, Clock clock) {
        return of(node, clock, SearchSql::column);
    }

    /**
     * The condition over another table: {@code columns} names each field's SQL (fixed text, never from the expression);
     * bare terms there are refused.
     */
    public static Condition of(SearchNode node, Clock clock, java.util.function.Function<SearchField, String> columns) {
        SearchSql compiler = new SearchSql(clock, columns);
        compiler.node(node);
        return new Condition(compiler.sql.toString(), compiler.args);
    }

    static String column(SearchField field) {
        return switch (field) {
            case PUBLIC_ID -> "r.public_id";
            case ASSET_ID -> "r.asset_id";
            case ASSET_FOLDER -> "r.asset_folder";
            case DISPLAY_NAME -> "r.display_name";
            case FILENAME -> "regexp_replace(coalesce(r.original_filename, ''), '\\.[^.]*$', '')";
            case RESOURCE_TYPE -> "r.resource_type";
            case TYPE -> "r.type";
            case FORMAT -> "r.format";
            case STATUS -> "'active'::text";
            case MODERATION_STATUS -> "r.moderation_status";
            case MODERATION_KIND -> "r.moderation_kind";
            case BYTES -> "r.bytes";
            case WIDTH -> "r.width";
            case HEIGHT -> "r.height";
            case PIXELS -> "(r.width::bigint * r.height)";
            case PAGES -> "r.pages";
            case ASPECT_RATIO -> "(r.width::numeric / NULLIF(r.height, 0))";
            case CREATED_AT -> "r.created_at";
            case TAGS -> "r.tags";
            case CONTEXT -> "r.context";
        };
    }

    private void node(SearchNode node) {
        if (node instanceof SearchNode.Everything) {
            sql.append("TRUE");
        } else if (node instanceof SearchNode.All all) {
            join(all.operands(), " AND ");
        } else if (node instanceof SearchNode.Any any) {
            join(any.operands(), " OR ");
        } else if (node instanceof SearchNode.Not not) {
            // a NULL (an unmoderated resource's moderation) is "not matching", so NOT of it matches
            sql.append("NOT coalesce((");
            node(not.operand());
            sql.append("), FALSE)");
        } else if (node instanceof SearchNode.Term term) {
            term(term);
        } else if (node instanceof SearchNode.Comparison comparison) {
            comparison(comparison);
        } else if (node instanceof SearchNode.Range range) {
            range(range);
        }
    }

    private void join(List<SearchNode> operands, String operator) {
        sql.append('(');
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                sql.append(operator);
            }
            node(operands.get(i));
        }
        sql.append(')');
    }

    /** Words as a tsquery built here from letters and digits only, so no text of the term is read as tsquery syntax. */
    private void term(SearchNode.Term term) {
        List<String> words = new ArrayList<>();
        for (String word : term.text().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add("'" + word + "'");
            }
        }
        if (columns.apply(SearchField.TAGS) == null) {
            throw new SearchSyntaxException("Bare terms are not searched here: name a field", term.position());
        }
        if (words.isEmpty()) {
            sql.append("FALSE");
            return;
        }
        if (term.prefix()) {
            words.set(words.size() - 1, words.get(words.size() - 1) + ":*");
        }
        sql.append("r.search_words @@ to_tsquery('simple', ?)");
        args.add(String.join(term.phrase() ? " <-> " : " & ", words));
    }

    private void comparison(SearchNode.Comparison c) {
        SearchField field = c.field();
        switch (field.kind()) {
            case TAGS -> tags(c);
            case CONTEXT -> context(c);
            case FOLDER -> folder(c);
            case KEYWORD -> keyword(c);
            default -> ordered(c.field(), c.operator(), c.value(), c.position());
        }
    }

    private void tags(SearchNode.Comparison c) {
        requireMatch(c, "tags");
        if (c.prefix()) {
            sql.append("EXISTS (SELECT 1 FROM unnest(r.tags) AS tag WHERE tag LIKE ? ESCAPE '\\')");
            args.add(likePrefix(c.value()));
        } else {
            sql.append("r.tags @> ARRAY[?]::text[]");
            args.add(c.value());
        }
    }

    private void context(SearchNode.Comparison c) {
        if (c.operator() == SearchNode.Operator.MATCH || c.operator() == SearchNode.Operator.EQUALS) {
            if (c.prefix() && c.value().isEmpty()) {
                sql.append("r.context ?? ?");
                args.add(c.key());
            } else if (c.prefix()) {
                sql.append("(r.context ->> ?) LIKE ? ESCAPE '\\'");
                args.add(c.key());
                args.add(likePrefix(c.value()));
            } else {
                sql.append("r.context @> jsonb_build_object(?::text, ?::text)");
                args.add(c.key());
                args.add(c.value());
            }
            return;
        }
        sql.append("(r.context ->> ?) ").append(symbol(c.operator())).append(" ?");
        args.add(c.key());
        args.add(c.value());
    }

    /** {@code folder:a/*}: the folder and everything below it; {@code folder:a}: that folder only. */
    private void folder(SearchNode.Comparison c) {
        String value = c.value();
        if (c.prefix() && value.endsWith("/") && (c.operator() == SearchNode.Operator.MATCH || c.operator() == SearchNode.Operator.EQUALS)) {
            String folder = value.substring(0, value.length() - 1);
            String column = columns.apply(SearchField.ASSET_FOLDER);
            sql.append('(').append(column).append(" = ? OR (").append(column).append(" >= ? AND ").append(column).append(" < ?))");
            args.add(folder);
            args.add(folder + "/");
            args.add(folder + "0");
            return;
        }
        keyword(c);
    }

    private void keyword(SearchNode.Comparison c) {
        String column = columns.apply(c.field());
        boolean byteOrdered = c.field() == SearchField.PUBLIC_ID || c.field() == SearchField.ASSET_FOLDER;
        if (c.prefix() && (c.operator() == SearchNode.Operator.MATCH || c.operator() == SearchNode.Operator.EQUALS)) {
            if (byteOrdered) {
                sql.append('(').append(column).append(" >= ? AND ").append(column).append(" < ?)");
                args.add(c.value());
                args.add(c.value() + MAX);
            } else {
                sql.append(column).append(" LIKE ? ESCAPE '\\'");
                args.add(likePrefix(c.value()));
            }
            return;
        }
        if (c.prefix()) {
            throw new SearchSyntaxException("A * wildcard goes with ':' or '=' only", c.position());
        }
        String operator = c.operator() == SearchNode.Operator.MATCH ? "=" : symbol(c.operator());
        sql.append(column).append(' ').append(operator).append(c.field() == SearchField.ASSET_ID ? " ?::bpchar" : " ?");
        args.add(c.value());
    }

    private void ordered(SearchField field, SearchNode.Operator operator, String value, int position) {
        String column = columns.apply(field);
        if (field.kind() == SearchField.Kind.TIME) {
            SearchValues.Moment moment = SearchValues.moment(value, clock, position);
            boolean equals = operator == SearchNode.Operator.MATCH || operator == SearchNode.Operator.EQUALS;
            if (equals && moment.day()) {
                sql.append('(').append(column).append(" >= ? AND ").append(column).append(" < ?)");
                args.add(Timestamp.from(moment.at()));
                args.add(Timestamp.from(moment.at().plus(1, ChronoUnit.DAYS)));
                return;
            }
            // "uploaded_at:1w" is "within the last week"; an exact instant is equality
            String symbol = equals ? (moment.age() ? ">=" : "=") : symbol(operator);
            sql.append(column).append(' ').append(symbol).append(" ?");
            args.add(Timestamp.from(moment.at()));
            return;
        }
        String symbol = operator == SearchNode.Operator.MATCH ? "=" : symbol(operator);
        sql.append(column).append(' ').append(symbol).append(" ?");
        args.add(typed(field, value, position));
    }

    private void range(SearchNode.Range range) {
        SearchField field = range.field();
        if (field.kind() == SearchField.Kind.TAGS || field.kind() == SearchField.Kind.CONTEXT) {
            throw new SearchSyntaxException(field.name().toLowerCase(Locale.ROOT) + " takes no range", range.position());
        }
        if (range.low() == null && range.high() == null) {
            sql.append("TRUE");
            return;
        }
        sql.append('(');
        if (range.low() != null) {
            ordered(field, range.lowInclusive() ? SearchNode.Operator.GREATER_OR_EQUAL : SearchNode.Operator.GREATER,
                    range.low(), range.position());
        }
        if (range.low() != null && range.high() != null) {
            sql.append(" AND ");
        }
        if (range.high() != null) {
            ordered(field, range.highInclusive() ? SearchNode.Operator.LESS_OR_EQUAL : SearchNode.Operator.LESS,
                    range.high(), range.position());
        }
        sql.append(')');
    }

    /** A value as the column's type; keyword columns compare as text. */
    static Object typed(SearchField field, String value, int position) {
        return switch (field.kind()) {
            case NUMBER -> SearchValues.number(field, value, position);
            case SIZE -> SearchValues.size(value, position);
            case RATIO -> SearchValues.ratio(value, position);
            default -> value;
        };
    }

    private static void requireMatch(SearchNode.Comparison c, String name) {
        if (c.operator() != SearchNode.Operator.MATCH && c.operator() != SearchNode.Operator.EQUALS) {
            throw new SearchSyntaxException(name + " takes ':' or '=' only", c.position());
        }
    }

    private static String symbol(SearchNode.Operator operator) {
        return switch (operator) {
            case LESS -> "<";
            case GREATER -> ">";
            case LESS_OR_EQUAL -> "<=";
            case GREATER_OR_EQUAL -> ">=";
            default -> "=";
        };
    }

    static String likePrefix(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
