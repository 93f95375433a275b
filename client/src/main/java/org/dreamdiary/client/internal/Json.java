package org.dreamdiary.client.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import org.dreamdiary.client.model.Field;

/**
 * The client's JSON: {@code snake_case} names, RFC 3339 instants, dates as {@code YYYY-MM-DD}. Unknown fields in an
 * answer are skipped, so a newer service does not break an older client. A change's {@link Field} is left out when
 * unchanged and written as {@code null} when cleared.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addSerializer(new FieldSerializer()))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // null (unset optional fields of a request) is left out; a Field is left out when unchanged
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .withConfigOverride(Field.class, field -> field.setInclude(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS)))
            .build();

    private Json() {
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(byte[] json, JavaType type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("the service's answer is not the JSON expected", e);
        }
    }

    public static JsonNode tree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the service's answer is not JSON", e);
        }
    }

    public static JavaType type(Type type) {
        return MAPPER.getTypeFactory().constructType(type);
    }

    /** {@code Parent<Item>}, for generic answers such as a page of items. */
    public static JavaType type(Class<?> parent, Class<?> item) {
        return MAPPER.getTypeFactory().constructParametricType(parent, item);
    }

    public static <T> T convert(JsonNode node, Class<T> type) {
        return MAPPER.convertValue(node, type);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class FieldSerializer extends StdSerializer<Field> {
        FieldSerializer() {
            super(Field.class);
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, Field field) {
            return !field.isSent();
        }

        @Override
        public void serialize(Field field, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (field.value().isPresent()) {
                provider.defaultSerializeValue(field.value().get(), generator);
            } else {
                generator.writeNull();
            }
        }
    }
}
