package com.shellguard.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** SCIM bodies in and out through the SDK's own Jackson configuration (its types carry Jackson annotations, not JSON-B's). */
@Produces({ScimResources.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@Consumes({ScimResources.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class ScimJson implements MessageBodyReader<Object>, MessageBodyWriter<Object> {

    private static final ObjectMapper MAPPER = com.unboundid.scim2.common.utils.JsonUtils.createObjectMapper();

    private static boolean handles(Class<?> type) {
        return type.getName().startsWith("com.unboundid.scim2.") || JsonNode.class.isAssignableFrom(type);
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return handles(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        try {
            return MAPPER.readValue(entity, MAPPER.constructType(genericType));
        } catch (JsonProcessingException e) {
            throw new WebApplicationException(e, ScimErrors.response(
                    BadRequestException.invalidSyntax("the body is not a valid SCIM message: " + e.getOriginalMessage())));
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return handles(type);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream entity) throws IOException {
        MAPPER.writeValue(entity, value);
    }
}
