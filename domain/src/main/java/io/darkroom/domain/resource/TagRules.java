package io.darkroom.domain.resource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The tags after a tag operation, validated against {@link Labels}' limits, in first-seen order. */
final class TagRules {
    private TagRules() {
    }

    static List<String> apply(List<String> current, TagOperation operation, List<String> given) {
        List<String> requested = new Labels(given, null).tags();
        LinkedHashSet<String> result = switch (operation) {
            case ADD -> {
                LinkedHashSet<String> tags = new LinkedHashSet<>(current);
                tags.addAll(requested);
                yield tags;
            }
            case REMOVE -> {
                LinkedHashSet<String> tags = new LinkedHashSet<>(current);
                requested.forEach(tags::remove);
                yield tags;
            }
            case REPLACE -> new LinkedHashSet<>(requested);
            case REMOVE_ALL -> new LinkedHashSet<>();
        };
        return new Labels(new ArrayList<>(result), null).tags();
    }
}
