package io.darkroom.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Darkroom's settings ({@code darkroom.*}; environment variables such as {@code DARKROOM_DATA_DIR}
 * bind by Spring's relaxed rules).
 *
 * @param dataDir            where the embedded database, blobs and master key live
 * @param publicBaseUrl      base of {@code url} in responses (delivery); default {@code http://localhost:<port>}
 * @param secureBaseUrl      base of {@code secure_url}; default the public base
 * @param masterKey          base64 of 32 bytes protecting stored secrets; default a generated key file
 * @param cloudinaryUrl      {@code cloudinary://KEY:SECRET@CLOUD}, the variable the SDKs use
 * @param defaultHourlyLimit Admin API calls per hour for clouds that do not set one; 0 = unlimited
 * @param clouds             further clouds, each a {@code url} and an optional {@code hourly-limit}
 * @param upload             upload limits
 * @param derivation         limits of image derivations
 * @param strictTransformations strict transformations for the {@code cloudinary-url} cloud (see {@link CloudEntry})
 * @param plan               the plan and limits usage reports show, for clouds that do not set their own
 * @param mediaOptimizer     the Media Optimizer's domains and mapping-function limits
 * @param trashRetention     how long deleted assets stay restorable in the trash (unset: 30 days; 0: no trash), for
 *                           clouds that do not set their own
 */
@ConfigurationProperties(prefix = "darkroom")
public record DarkroomProperties(Path dataDir, String publicBaseUrl, String secureBaseUrl, String masterKey,
                                 String cloudinaryUrl, Integer defaultHourlyLimit, List<CloudEntry> clouds,
                                 Upload upload, Derivation derivation, Boolean strictTransformations, Plan plan,
                                 MediaOptimizer mediaOptimizer, java.time.Duration trashRetention) {
    public DarkroomProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        defaultHourlyLimit = defaultHourlyLimit == null ? 2000 : defaultHourlyLimit;
        clouds = clouds == null ? new ArrayList<>() : clouds;
        upload = upload == null ? new Upload(null, null, null, null, null, null, null, null, null) : upload;
        derivation = derivation == null ? new Derivation(null, null, null, null) : derivation;
        strictTransformations = strictTransformations != null && strictTransformations;
        plan = plan == null ? new Plan(null, null, null, null, null) : plan;
        mediaOptimizer = mediaOptimizer == null ? new MediaOptimizer(null, null, null, null, null, null, null) : mediaOptimizer;
    }

    /** Where files wait on their way into the blob store: multipart spools, chunked files taken out, derivatives. */
    public Path stagingDir() {
        return dataDir.toAbsolutePath().resolve("staging");
    }

    /**
     * One more cloud to serve. With {@code strictTransformations}, deliveries derive only with named
     * transformations and ones marked {@code allowed_for_strict} (Cloudinary's console setting); {@code deliveryHost}
     * ({@code host[:port]}) delivers the cloud without its name in the path, the SDKs' {@code private_cdn} form;
     * {@code allowedOrigins} are the web origins whose pages may call the cloud's Upload API from a browser (unset: any).
     * {@code folderMode} is {@code dynamic} (unset) or {@code fixed}; {@code trashRetention} overrides the default retention.
     */
    public record CloudEntry(String url, Integer hourlyLimit, Boolean strictTransformations, Plan plan,
                             List<String> mediaOptimizerDomains, String notificationUrl, String deliveryHost,
                             List<String> allowedOrigins, String folderMode, java.time.Duration trashRetention) {
        /** The cloud this entry's {@code url} names. */
        public String cloudName() {
            return CloudinaryUrl.parse(url, 0).name();
        }
    }

    /**
     * The Media Optimizer: every cloud's default domain is {@code <cloud>.<domainSuffix>}; mapping functions get
     * {@code mappingDeadline} per call, at most {@code mappingParallel} at once per node (a call waits up to
     * {@code mappingQueueWait} for its turn); {@code notificationUrl} receives warm-up webhooks of clouds without their own;
     * {@code s3Endpoint} (unset: AWS) and {@code s3Region} are where s3 media sources are read.
     */
    public record MediaOptimizer(String domainSuffix, Duration mappingDeadline, Integer mappingParallel, Duration mappingQueueWait,
                                 String notificationUrl, String s3Endpoint, String s3Region) {
        public MediaOptimizer {
            domainSuffix = domainSuffix == null || domainSuffix.isBlank() ? "mo.localhost" : domainSuffix;
            mappingDeadline = mappingDeadline == null ? Duration.ofMillis(50) : mappingDeadline;
            mappingParallel = mappingParallel == null ? Math.max(2, Runtime.getRuntime().availableProcessors()) : mappingParallel;
            mappingQueueWait = mappingQueueWait == null ? Duration.ofSeconds(2) : mappingQueueWait;
        }
    }

    /** A plan's name and limits as usage reports show them; unset limits are 0 (none), credits default to 25. */
    public record Plan(String name, Long objectsLimit, Long bandwidthLimit, Long storageLimit, Double creditsLimit) {
        public io.darkroom.application.usage.UsagePlan toUsagePlan(Plan fallback) {
            io.darkroom.application.usage.UsagePlan free = io.darkroom.application.usage.UsagePlan.FREE;
            Plan base = fallback == null ? new Plan(null, null, null, null, null) : fallback;
            return new io.darkroom.application.usage.UsagePlan(
                    name != null ? name : base.name != null ? base.name : free.name(),
                    objectsLimit != null ? objectsLimit : base.objectsLimit != null ? base.objectsLimit : free.objectsLimit(),
                    bandwidthLimit != null ? bandwidthLimit : base.bandwidthLimit != null ? base.bandwidthLimit : free.bandwidthLimit(),
                    storageLimit != null ? storageLimit : base.storageLimit != null ? base.storageLimit : free.storageLimit(),
                    creditsLimit != null ? creditsLimit : base.creditsLimit != null ? base.creditsLimit : free.creditsLimit());
        }
    }

    /**
     * @param timeBound longest one derivation may compute before it is stopped (a 400); default 30s
     * @param parallel  derivations computed at once per node; default the number of cores
     * @param queueWait how long a derivation waits for a free slot before a 503 with Retry-After; default 10s
     * @param library   names or paths libvips is loaded by, first found wins; default {@code vips, libvips.so.42}
     */
    public record Derivation(Duration timeBound, Integer parallel, Duration queueWait, List<String> library) {
        public Derivation {
            library = library == null || library.isEmpty() ? io.darkroom.infrastructure.derivation.imaging.VipsImageDeriver.LIBRARY_NAMES : library;
            timeBound = timeBound == null ? Duration.ofSeconds(30) : timeBound;
            parallel = parallel == null ? Runtime.getRuntime().availableProcessors() : parallel;
            queueWait = queueWait == null ? Duration.ofSeconds(10) : queueWait;
        }
    }

    /**
     * @param maxFileSize           largest accepted file (multipart, data URI, fetched, or assembled from
     *                              the parts of a chunked upload); default 1GB
     * @param maxRequestSize        largest file in one request: a whole plain upload or one part of a
     *                              chunked upload; default 100MB
     * @param chunkGrace            how long a chunked upload may wait for its next part before it is
     *                              discarded with its parts; default 1h
     * @param allowPrivateAddresses let uploads fetch from loopback and private networks (tests, intranets)
     * @param fetchTimeout          connect and read timeout of URL fetches; default 30s
     * @param orphanGrace           how long a stored file may wait for its upload to commit before the
     *                              blob sweeper removes it (a crash in between); default 1h
     * @param maxPixels             largest image accepted, width x height (x frames), checked from the
     *                              header before any decoding; default 100,000,000
     * @param unsignedPerPreset     unsigned uploads per hour through one preset, all clients together; default 10,000; 0 = no limit
     * @param unsignedPerAddress    unsigned uploads per hour from one client address (behind trusted proxies: the forwarded one);
     *                              default 1,000; 0 = no limit
     */
    public record Upload(DataSize maxFileSize, Boolean allowPrivateAddresses, Duration fetchTimeout, Duration orphanGrace,
                         Long maxPixels, DataSize maxRequestSize, Duration chunkGrace, Integer unsignedPerPreset,
                         Integer unsignedPerAddress) {
        public Upload {
            unsignedPerPreset = unsignedPerPreset == null ? 10_000 : unsignedPerPreset;
            unsignedPerAddress = unsignedPerAddress == null ? 1_000 : unsignedPerAddress;
            maxFileSize = maxFileSize == null ? DataSize.ofGigabytes(1) : maxFileSize;
            maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(100) : maxRequestSize;
            chunkGrace = chunkGrace == null ? Duration.ofHours(1) : chunkGrace;
            allowPrivateAddresses = allowPrivateAddresses != null && allowPrivateAddresses;
            fetchTimeout = fetchTimeout == null ? Duration.ofSeconds(30) : fetchTimeout;
            orphanGrace = orphanGrace == null ? Duration.ofHours(1) : orphanGrace;
            maxPixels = maxPixels == null ? 100_000_000L : maxPixels;
        }
    }
}
