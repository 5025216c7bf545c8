package io.darkroom.application.usage;

/**
 * A cloud's plan: its name and limits as the usage report shows them (0: no limit, shown as such).
 * Credits are Cloudinary's unit: 1,000 derivations, 1 GiB of storage or 1 GiB of bandwidth each.
 */
public record UsagePlan(String name, long objectsLimit, long bandwidthLimit, long storageLimit, double creditsLimit) {
    /** Cloudinary's Free plan, the default: 25 credits a month. */
    public static final UsagePlan FREE = new UsagePlan("Free", 0, 0, 0, 25);
}
