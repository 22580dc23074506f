package dev.auroraguard.simulator.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as the simulator received it.
 *
 * @param headers  header names lower-cased, first value of each
 * @param rawQuery the undecoded query string, or null
 */
public record WireRequest(String method, String path, String rawQuery, Map<String, String> headers, byte[] body) {

    public WireRequest {
        headers = Map.copyOf(headers);
    }

    /** The header's first value, or null; {@code name} in any case. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The SigV4 credential scope's service ({@code rds} in
     * {@code Credential=AKID/20261125/us-east-1/rds/aws4_request}), or null when unsigned.
     */
    public String signingService() {
        String authorization = header("Authorization");
        if (authorization == null) {
            return null;
        }
        int credential = authorization.indexOf("Credential=");
        if (credential < 0) {
            return null;
        }
        int end = authorization.indexOf(',', credential);
        String[] scope = authorization.substring(credential + "Credential=".length(), end < 0 ? authorization.length() : end)
                .trim().split("/");
        return scope.length >= 5 ? scope[3] : null;
    }
}
