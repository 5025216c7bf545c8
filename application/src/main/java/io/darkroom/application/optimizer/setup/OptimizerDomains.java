package io.darkroom.application.optimizer.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The domains of each cloud, from configuration: a default one, {@code <cloud>.<suffix>}, that Darkroom serves itself,
 * and any configured ones (DNS pointed at Darkroom). The same on every node, so nothing to agree on.
 */
public class OptimizerDomains {
    private final String suffix;
    private final Map<String, List<String>> configured;

    public OptimizerDomains(String suffix, Map<String, List<String>> configured) {
        this.suffix = suffix;
        this.configured = Map.copyOf(configured);
    }

    public List<OptimizerDomain> of(String cloud) {
        List<OptimizerDomain> domains = new ArrayList<>();
        domains.add(OptimizerDomain.of(cloud, (cloud + "." + suffix).toLowerCase(Locale.ROOT)));
        for (String domain : configured.getOrDefault(cloud, List.of())) {
            domains.add(OptimizerDomain.of(cloud, domain.toLowerCase(Locale.ROOT)));
        }
        return domains;
    }

    public Optional<OptimizerDomain> byId(String cloud, String id) {
        return of(cloud).stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /**
     * The domain of a host name ({@code Host} header, port dropped): a configured one, or {@code <cloud>.<suffix>}.
     * Whether that cloud exists is for the caller to check.
     */
    public Optional<OptimizerDomain> byHost(String host) {
        if (host == null) {
            return Optional.empty();
        }
        String name = host.toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
        for (Map.Entry<String, List<String>> cloud : configured.entrySet()) {
            for (String domain : cloud.getValue()) {
                if (domain.toLowerCase(Locale.ROOT).equals(name)) {
                    return Optional.of(OptimizerDomain.of(cloud.getKey(), name));
                }
            }
        }
        String tail = "." + suffix.toLowerCase(Locale.ROOT);
        if (name.endsWith(tail) && name.length() > tail.length() && name.indexOf('.') == name.length() - tail.length()) {
            return Optional.of(OptimizerDomain.of(name.substring(0, name.length() - tail.length()), name));
        }
        return Optional.empty();
    }
}
