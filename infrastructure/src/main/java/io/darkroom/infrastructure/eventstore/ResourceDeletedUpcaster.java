package io.darkroom.infrastructure.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.darkroom.domain.resource.ResourceDeleted;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code ResourceDeleted} revision 1 to 2: before the trash every deletion removed the versions' bytes at once, so an
 * old event is upcast with {@code trashed} false (and no {@code deletedAt}): nothing of it is restorable, exactly as it
 * was. Stored events are never rewritten.
 */
public class ResourceDeletedUpcaster extends SingleEventUpcaster {
    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(ResourceDeleted.class.getTypeName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(ResourceDeleted.class.getTypeName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            event.put("trashed", false);
            event.putNull("deletedAt");
            return event;
        });
    }
}
