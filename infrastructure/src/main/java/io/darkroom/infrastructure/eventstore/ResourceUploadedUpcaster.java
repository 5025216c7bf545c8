package io.darkroom.infrastructure.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.darkroom.domain.resource.DisplayName;
import io.darkroom.domain.resource.PublicId;
import io.darkroom.domain.resource.ResourceUploaded;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code ResourceUploaded} revisions 1 and 2 to 3: revision 2 records the asset's folder at upload
 * ({@code assetFolder}); a revision-1 event gets the folder of its public id, which is what the
 * folder was when it was written. Revision 3 records the display name; an older event gets the last segment of its public
 * id, which is what Cloudinary calls an asset nobody named. Stored events are never rewritten: they are upcast as they are
 * read.
 */
public class ResourceUploadedUpcaster extends SingleEventUpcaster {
    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(ResourceUploaded.class.getTypeName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(ResourceUploaded.class.getTypeName(), "2");
    private static final SimpleSerializedType REVISION_3 = new SimpleSerializedType(ResourceUploaded.class.getTypeName(), "3");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType()) || REVISION_2.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_3, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            PublicId publicId = new PublicId(event.path("publicId").asText());
            if (!event.hasNonNull("assetFolder")) {
                event.put("assetFolder", publicId.folder());
            }
            event.put("displayName", DisplayName.from(publicId).value());
            return event;
        });
    }
}
