package dev.auroraguard.simulator.protocol;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Timestamp texts clients send: ISO 8601 (with or without offset or fraction) or epoch seconds. */
final class Timestamps {

    private Timestamps() {
    }

    static Instant parse(String text) {
        if (!text.isEmpty() && (Character.isDigit(text.charAt(0)) && !text.contains("-"))) {
            return fromEpochSeconds(new BigDecimal(text));
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }

    static Instant fromEpochSeconds(BigDecimal seconds) {
        BigDecimal millis = seconds.movePointRight(3);
        return Instant.ofEpochMilli(millis.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    }

    static BigDecimal toEpochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
    }
}
