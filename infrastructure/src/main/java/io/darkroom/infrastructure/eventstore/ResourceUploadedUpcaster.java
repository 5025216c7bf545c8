package io.darkroom.infrastructure.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.darkroom.domain.resource.PublicId;
import io.darkroom.domain.resource.ResourceUploaded;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code ResourceUploaded} revision 1 to 2: revision 2 records the asset's folder at upload
 * ({@code assetFolder}); a revision-1 event gets the folder of its public id, which is what the
 * folder was when it was written. Stored events are never rewritten: they are upcast as they are read.
 */
public class ResourceUploadedUpcaster extends SingleEventUpcaster {
    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(ResourceUploaded.class.getTypeName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(ResourceUploaded.class.getTypeName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            event.put("assetFolder", new PublicId(event.path("publicId").asText()).folder());
            return event;
        });
    }
}
