package dev.auroraguard.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.domain.restore.RestoreOrigin;
import dev.auroraguard.domain.restore.RestorePoint;
import dev.auroraguard.domain.restore.RestoreRequest;
import dev.auroraguard.domain.restore.RestoreType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestoreRequestedEventTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> event = EventFixtures.load("restore-requested.json");
        Map<String, Object> detail = new LinkedHashMap<>((Map<String, Object>) event.get("detail"));
        if (value == null) {
            detail.remove(field);
        } else {
            detail.put(field, value);
        }
        event.put("detail", detail);
        return event;
    }

    @Test
    void parse_should_readTheRequest() {
        RestoreRequest request = RestoreRequestedEvent.parse(EventFixtures.load("restore-requested.json"), RestoreType.FULL_COPY);
        assertThat(request.sourceCluster()).isEqualTo("orders-db");
        assertThat(request.point()).isEqualTo(new RestorePoint.At(Instant.parse("2026-11-25T03:41:00Z")));
        assertThat(request.restoreType()).isEqualTo(RestoreType.FULL_COPY);
        assertThat(request.origin()).isEqualTo(RestoreOrigin.REQUEST);
        assertThat(request.requestedBy()).isEqualTo("alice");
        assertThat(request.reference()).isEqualTo("5a7c2f1e-9b3d-4c8a-a1e2-3f4b5c6d7e8f");
        assertThat(request.requestedAt()).isEqualTo(Instant.parse("2026-11-25T03:52:00Z"));
    }

    @Test
    void parse_should_readLatestAndSnapshots() {
        assertThat(RestoreRequestedEvent.parse(with("restoreTo", "LATEST"), RestoreType.FULL_COPY).point())
                .isEqualTo(new RestorePoint.Latest());
        Map<String, Object> fromSnapshot = with("restoreTo", null);
        ((Map<String, Object>) fromSnapshotDetail(fromSnapshot)).put("fromSnapshot", "orders-db-before-migration");
        assertThat(RestoreRequestedEvent.parse(fromSnapshot, RestoreType.FULL_COPY).point())
                .isEqualTo(new RestorePoint.FromSnapshot("orders-db-before-migration"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fromSnapshotDetail(Map<String, Object> event) {
        return (Map<String, Object>) event.get("detail");
    }

    @Test
    void parse_should_explain_when_theRequestCannotBeActedOn() {
        assertThatThrownBy(() -> RestoreRequestedEvent.parse(with("restoreType", "copy-on-write"), RestoreType.FULL_COPY))
                .isInstanceOfSatisfying(InvalidRestoreRequestException.class, e -> {
                    assertThat(e.getMessage()).contains("RDS clones only the latest restorable state");
                    assertThat(e.sourceCluster()).hasValue("orders-db");
                });
        assertThatThrownBy(() -> RestoreRequestedEvent.parse(with("sourceCluster", null), RestoreType.FULL_COPY))
                .isInstanceOf(InvalidRestoreRequestException.class).hasMessageContaining("sourceCluster");
        assertThatThrownBy(() -> RestoreRequestedEvent.parse(with("targetCluster", "orders-db"), RestoreType.FULL_COPY))
                .isInstanceOf(InvalidRestoreRequestException.class).hasMessageContaining("never touches the source");
        assertThatThrownBy(() -> RestoreRequestedEvent.parse(with("restoreTo", "2026-11-25 03:41"), RestoreType.FULL_COPY))
                .isInstanceOf(InvalidRestoreRequestException.class).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> RestoreRequestedEvent.parse(with("restoreType", "snapshot"), RestoreType.FULL_COPY))
                .isInstanceOf(InvalidRestoreRequestException.class).hasMessageContaining("full-copy nor copy-on-write");
    }
}
