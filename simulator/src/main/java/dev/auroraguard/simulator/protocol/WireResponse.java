package dev.auroraguard.simulator.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One HTTP answer: status, content type, extra headers and the body. */
public record WireResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    public WireResponse {
        headers = Map.copyOf(headers);
    }

    public static WireResponse of(int status, String contentType, String requestId, String body) {
        return new WireResponse(status, contentType, Map.of("x-amzn-RequestId", requestId), body.getBytes(StandardCharsets.UTF_8));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
