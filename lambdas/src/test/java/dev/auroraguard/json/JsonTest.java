package dev.auroraguard.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    @SuppressWarnings("unchecked")
    void parse_should_keepKeyOrderAndTypes_when_givenNestedDocument() {
        // GIVEN a document with every JSON type
        String text = "{\"b\":1,\"a\":[true,null,\"x\\u0041\\n\"],\"c\":{\"d\":-2.5e1},\"big\":123456789012345678901}";

        // WHEN it is parsed
        Map<String, Object> map = Json.parseObject(text);

        // THEN objects keep their order and numbers their precision
        assertThat(map.keySet()).containsExactly("b", "a", "c", "big");
        assertThat(map.get("b")).isEqualTo(1L);
        assertThat((List<Object>) map.get("a")).containsExactly(true, null, "xA\n");
        assertThat(((Map<?, ?>) map.get("c")).get("d")).isEqualTo(new BigDecimal("-2.5e1"));
        assertThat(map.get("big")).isEqualTo(new BigDecimal("123456789012345678901"));
    }

    @Test
    void write_should_roundTrip_when_givenParsedDocument() {
        // GIVEN a map with strings that need escaping
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("quote", "say \"hi\"\\ \u0001");
        map.put("list", List.of(1L, 2.5, false));
        map.put("nothing", null);

        // WHEN it is written and read back
        String text = Json.write(map);

        // THEN the same values come back
        assertThat(text).isEqualTo("{\"quote\":\"say \\\"hi\\\"\\\\ \\u0001\",\"list\":[1,2.5,false],\"nothing\":null}");
        assertThat(Json.parseObject(text)).containsEntry("quote", "say \"hi\"\\ \u0001");
    }

    @Test
    void parse_should_failWithPosition_when_documentIsMalformed() {
        assertThatThrownBy(() -> Json.parse("{\"a\":1,}")).hasMessageContaining("at character 8");
        assertThatThrownBy(() -> Json.parse("{\"a\":1} x")).hasMessageContaining("after the JSON value");
        assertThatThrownBy(() -> Json.parse("{\"a\":1,\"a\":2}")).hasMessageContaining("duplicate object key");
        assertThatThrownBy(() -> Json.parse("01")).hasMessageContaining("leading zero");
        assertThatThrownBy(() -> Json.parseObject("[1]")).hasMessageContaining("expected a JSON object but found an array");
    }
}
