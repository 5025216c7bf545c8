package io.darkroom.application.optimizer.setup;

import io.darkroom.application.optimizer.mapping.MappingEngine;
import io.darkroom.application.support.Commands;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.application.support.IdGenerator;
import io.darkroom.domain.optimizer.BuiltInMappingFunction;
import io.darkroom.domain.optimizer.CreateDeliveryProfile;
import io.darkroom.domain.optimizer.CreateMappingFunction;
import io.darkroom.domain.optimizer.CreateMediaSource;
import io.darkroom.domain.optimizer.DeleteDeliveryProfile;
import io.darkroom.domain.optimizer.DeleteMappingFunction;
import io.darkroom.domain.optimizer.DeleteMediaSource;
import io.darkroom.domain.optimizer.OptimizerSetup;
import io.darkroom.domain.optimizer.UpdateDeliveryProfile;
import io.darkroom.domain.optimizer.UpdateMappingFunction;
import io.darkroom.domain.optimizer.UpdateMediaSource;
import io.darkroom.domain.optimizer.UriType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Media Optimizer API's configuration calls. Secrets are sealed here, before any command or event sees them, and
 * every answer shows them as {@code "encrypted"}; mapping functions are compiled before they are kept. Reads come from
 * the read model, which the command's own transaction has updated.
 */
public class OptimizerConfiguration {
    public static final String MASKED = "encrypted";

    private final Commands commands;
    private final OptimizerCatalog catalog;
    private final OptimizerDomains domains;
    private final SecretSealer sealer;
    private final MappingEngine engine;
    private final IdGenerator ids;

    public OptimizerConfiguration(Commands commands, OptimizerCatalog catalog, OptimizerDomains domains, SecretSealer sealer,
                                  MappingEngine engine, IdGenerator ids) {
        this.ids = ids;
        this.commands = commands;
        this.catalog = catalog;
        this.domains = domains;
        this.sealer = sealer;
        this.engine = engine;
    }

    public List<MediaSourceView> sources(String cloud) {
        return catalog.sources(cloud).stream().map(OptimizerConfiguration::masked).toList();
    }

    public MediaSourceView source(String cloud, String id) {
        return masked(sourceSealed(cloud, id));
    }

    /** The source with its secrets sealed, as deliveries use it. */
    public MediaSourceView sourceSealed(String cloud, String id) {
        return catalog.source(cloud, id).orElseThrow(() -> DarkroomException.notFound("Media source " + id + " not found"));
    }

    public MediaSourceView createSource(String cloud, String displayName, String uriType, Map<String, Object> config) {
        UriType type = UriType.of(uriType);
        Map<String, Object> given = config == null ? Map.of() : config;
        type.validate(given);
        String id = ids.hex32();
        commands.retrying(() -> commands.send(new CreateMediaSource(OptimizerSetup.idOf(cloud), cloud, id, displayName, type,
                sealed(type, given))));
        return source(cloud, id);
    }

    public MediaSourceView updateSource(String cloud, String id, String displayName, String uriType, Map<String, Object> config) {
        MediaSourceView current = sourceSealed(cloud, id);
        UriType type = uriType == null ? UriType.of(current.uriType()) : UriType.of(uriType);
        Map<String, Object> next = null;
        if (config != null) {
            type.validate(config);
            next = sealed(type, config);
        }
        Map<String, Object> sealedConfig = next;
        commands.retrying(() -> commands.send(new UpdateMediaSource(OptimizerSetup.idOf(cloud), cloud, id, displayName,
                uriType == null ? null : type, sealedConfig)));
        return source(cloud, id);
    }

    public void deleteSource(String cloud, String id) {
        sourceSealed(cloud, id);
        commands.retrying(() -> commands.send(new DeleteMediaSource(OptimizerSetup.idOf(cloud), cloud, id)));
    }

    public List<MappingFunctionView> functions(String cloud) {
        List<MappingFunctionView> all = new ArrayList<>();
        for (BuiltInMappingFunction builtIn : BuiltInMappingFunction.values()) {
            all.add(builtIn(builtIn));
        }
        all.addAll(catalog.functions(cloud));
        return all;
    }

    public MappingFunctionView function(String cloud, String id) {
        return BuiltInMappingFunction.byId(id).map(OptimizerConfiguration::builtIn).orElseGet(() -> catalog.function(cloud, id)
                .orElseThrow(() -> DarkroomException.notFound("Mapping function " + id + " not found")));
    }

    public MappingFunctionView createFunction(String cloud, String displayName, String code) {
        compile(code);
        String id = ids.hex32();
        commands.retrying(() -> commands.send(new CreateMappingFunction(OptimizerSetup.idOf(cloud), cloud, id, displayName, code)));
        return function(cloud, id);
    }

    public MappingFunctionView updateFunction(String cloud, String id, String displayName, String code) {
        function(cloud, id);
        if (code != null && BuiltInMappingFunction.byId(id).isEmpty()) {
            compile(code);
        }
        commands.retrying(() -> commands.send(new UpdateMappingFunction(OptimizerSetup.idOf(cloud), cloud, id, displayName, code)));
        return function(cloud, id);
    }

    public void deleteFunction(String cloud, String id) {
        function(cloud, id);
        commands.retrying(() -> commands.send(new DeleteMappingFunction(OptimizerSetup.idOf(cloud), cloud, id)));
    }

    public List<DeliveryProfileView> profiles(String cloud) {
        return catalog.profiles(cloud);
    }

    public DeliveryProfileView profile(String cloud, String id) {
        return catalog.profile(cloud, id).orElseThrow(() -> DarkroomException.notFound("Delivery profile " + id + " not found"));
    }

    public DeliveryProfileView createProfile(String cloud, String displayName, String cnameId, String pathPrefix,
                                             String mappingFunctionId, String defaultTransformation, List<String> mediaSourceIds) {
        requireDomain(cloud, cnameId, true);
        String id = ids.hex32();
        commands.retrying(() -> commands.send(new CreateDeliveryProfile(OptimizerSetup.idOf(cloud), cloud, id, displayName, cnameId,
                pathPrefix, mappingFunctionId, defaultTransformation, mediaSourceIds)));
        return profile(cloud, id);
    }

    public DeliveryProfileView updateProfile(String cloud, String id, String displayName, String cnameId, String pathPrefix,
                                             String mappingFunctionId, String defaultTransformation, List<String> mediaSourceIds,
                                             Boolean enabled) {
        profile(cloud, id);
        requireDomain(cloud, cnameId, false);
        commands.retrying(() -> commands.send(new UpdateDeliveryProfile(OptimizerSetup.idOf(cloud), cloud, id, displayName, cnameId,
                pathPrefix, mappingFunctionId, defaultTransformation, mediaSourceIds, enabled)));
        return profile(cloud, id);
    }

    public void deleteProfile(String cloud, String id) {
        profile(cloud, id);
        commands.retrying(() -> commands.send(new DeleteDeliveryProfile(OptimizerSetup.idOf(cloud), cloud, id)));
    }

    public List<OptimizerDomain> domains(String cloud) {
        return domains.of(cloud);
    }

    private void requireDomain(String cloud, String cnameId, boolean required) {
        if (cnameId == null) {
            if (required) {
                throw DarkroomException.badRequest("Missing required parameter - cname_id");
            }
            return;
        }
        if (domains.byId(cloud, cnameId).isEmpty()) {
            throw DarkroomException.notFound("Domain " + cnameId + " not found");
        }
    }

    private void compile(String code) {
        if (code == null || code.isBlank()) {
            throw DarkroomException.badRequest("Missing required parameter - code");
        }
        if (code.length() > MappingEngine.MAX_CODE_LENGTH) {
            throw DarkroomException.badRequest("Mapping function code is " + code.length() + " characters; at most "
                    + MappingEngine.MAX_CODE_LENGTH);
        }
        engine.compile(code);
    }

    private Map<String, Object> sealed(UriType type, Map<String, Object> config) {
        Map<String, Object> sealed = new LinkedHashMap<>();
        config.forEach((field, value) -> {
            if (value != null) {
                sealed.put(field, type.isSecret(field) ? sealer.seal((String) value) : value);
            }
        });
        return sealed;
    }

    private static MediaSourceView masked(MediaSourceView source) {
        UriType type = UriType.of(source.uriType());
        Map<String, Object> shown = new LinkedHashMap<>();
        source.config().forEach((field, value) -> shown.put(field, type.isSecret(field) ? MASKED : value));
        return new MediaSourceView(source.cloud(), source.id(), source.displayName(), source.uriType(), shown);
    }

    private static MappingFunctionView builtIn(BuiltInMappingFunction builtIn) {
        return new MappingFunctionView(builtIn.id(), builtIn.displayName(), "", builtIn.templateType());
    }
}
