package io.darkroom.api.resource.upload;

import io.darkroom.api.resource.wire.ContextParameter;
import io.darkroom.api.resource.wire.ResourceJson;
import io.darkroom.api.web.ApiParameters;
import io.darkroom.application.resource.ResourceKey;
import io.darkroom.application.resource.listing.ResourceAnalysis;
import io.darkroom.application.resource.manage.ResourceDeleter;
import io.darkroom.application.resource.manage.ResourceManager;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.resource.ContextOperation;
import io.darkroom.domain.resource.DeliveryType;
import io.darkroom.domain.resource.PublicId;
import io.darkroom.domain.resource.ResourceType;
import io.darkroom.domain.resource.TagOperation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** The signed Upload API actions the SDKs use to change resources: tags, context, destroy, rename. */
@RestController
@RequestMapping("/v1_1/{cloud}/{resourceType:image|video|raw}")
public class UploadActionsController {
    private final UploadAuthenticator authenticator;
    private final ResourceManager manager;
    private final ResourceJson json;

    private final NotificationUrls notificationUrls;

    public UploadActionsController(UploadAuthenticator authenticator, ResourceManager manager, ResourceJson json,
                                   NotificationUrls notificationUrls) {
        this.notificationUrls = notificationUrls;
        this.authenticator = authenticator;
        this.manager = manager;
        this.json = json;
    }

    @PostMapping("/tags")
    Map<String, Object> tags(@PathVariable String cloud, @PathVariable String resourceType, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        authenticator.authenticate(cloud, params);
        String command = params.get("command");
        List<String> publicIds = publicIds(params);
        List<String> tags = params.list("tag");
        ResourceKey key = new ResourceKey(cloud, ResourceType.fromWire(resourceType).wireName(), type(params));
        if (command == null) {
            throw DarkroomException.badRequest("Missing required parameter - command");
        }
        if (!command.equals("remove_all") && (tags == null || tags.isEmpty())) {
            throw DarkroomException.badRequest("Missing required parameter - tag");
        }
        List<String> changed = switch (command) {
            case "add" -> manager.changeTags(key, TagOperation.ADD, tags, publicIds);
            case "remove" -> manager.changeTags(key, TagOperation.REMOVE, tags, publicIds);
            case "replace" -> manager.changeTags(key, TagOperation.REPLACE, tags, publicIds);
            case "remove_all" -> manager.changeTags(key, TagOperation.REMOVE_ALL, List.of(), publicIds);
            case "set_exclusive" -> {
                if (tags.size() != 1) {
                    throw DarkroomException.badRequest("set_exclusive takes exactly one tag");
                }
                yield manager.setExclusiveTag(key, tags.get(0), publicIds);
            }
            default -> throw DarkroomException.badRequest("Invalid command " + command
                    + " (expected add, remove, replace, remove_all or set_exclusive)");
        };
        return Map.of("public_ids", changed);
    }

    @PostMapping("/context")
    Map<String, Object> context(@PathVariable String cloud, @PathVariable String resourceType, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        authenticator.authenticate(cloud, params);
        String command = params.get("command");
        List<String> publicIds = publicIds(params);
        String rt = ResourceType.fromWire(resourceType).wireName();
        List<String> changed;
        if ("add".equals(command)) {
            Map<String, String> context = ContextParameter.parse(params.get("context"));
            if (context.isEmpty()) {
                throw DarkroomException.badRequest("Missing required parameter - context");
            }
            changed = manager.changeContext(new ResourceKey(cloud, rt, type(params)), ContextOperation.ADD, context, publicIds);
        } else if ("remove_all".equals(command)) {
            changed = manager.changeContext(new ResourceKey(cloud, rt, type(params)), ContextOperation.REMOVE_ALL, Map.of(), publicIds);
        } else {
            throw DarkroomException.badRequest("Invalid command " + command + " (expected add or remove_all)");
        }
        return Map.of("public_ids", changed);
    }

    @PostMapping("/destroy")
    Map<String, Object> destroy(@PathVariable String cloud, @PathVariable String resourceType, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        authenticator.authenticate(cloud, params);
        notificationUrls.apply(cloud, params);
        String publicId = params.get("public_id");
        if (publicId == null) {
            throw DarkroomException.badRequest("Missing required parameter - public_id");
        }
        boolean deleted = manager.destroy(new ResourceKey(cloud, ResourceType.fromWire(resourceType).wireName(), type(params)),
                PublicId.of(publicId).value());
        return Map.of("result", deleted ? "ok" : "not found");
    }

    @PostMapping("/rename")
    Map<String, Object> rename(@PathVariable String cloud, @PathVariable String resourceType, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        authenticator.authenticate(cloud, params);
        notificationUrls.apply(cloud, params);
        String from = params.get("from_public_id");
        String to = params.get("to_public_id");
        if (from == null || to == null) {
            throw DarkroomException.badRequest("Missing required parameter - " + (from == null ? "from_public_id" : "to_public_id"));
        }
        String type = type(params);
        String toType = params.get("to_type");
        if (toType != null && !DeliveryType.fromWire(toType).wireName().equals(type)) {
            throw DarkroomException.badRequest("Changing the type while renaming is not supported");
        }
        var resource = manager.rename(new ResourceKey(cloud, ResourceType.fromWire(resourceType).wireName(), type), PublicId.of(from).value(),
                PublicId.of(to).value(), params.bool("overwrite", false));
        return json.details(resource, ResourceAnalysis.NONE, ResourceJson.Extras.NONE);
    }

    private static List<String> publicIds(ApiParameters params) {
        List<String> publicIds = params.list("public_ids");
        if (publicIds == null || publicIds.isEmpty()) {
            throw DarkroomException.badRequest("Missing required parameter - public_ids");
        }
        if (publicIds.size() > ResourceDeleter.MAX_PER_CALL) {
            throw DarkroomException.badRequest("Too many public_ids: " + publicIds.size() + " (maximum " + ResourceDeleter.MAX_PER_CALL + ")");
        }
        publicIds.forEach(PublicId::of);
        return publicIds;
    }

    private static String type(ApiParameters params) {
        return DeliveryType.fromWire(params.get("type") == null ? "upload" : params.get("type")).wireName();
    }
}
