package dev.auroraguard.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RestoreProgressInputTest {

    @Test
    void parse_should_takeTheIdentifierFromTheArn_when_awsSamplesPrefixSourceIdentifier() {
        assertThat(RestoreProgressInput.parse(EventFixtures.load("rds-cluster-event.json")))
                .isEqualTo(new RestoreProgressInput.RdsEvent("844e2571-85d4-695f-b930-0153b71dcb42", "RDS-EVENT-0173", true, "my-db-cluster"));
        assertThat(RestoreProgressInput.parse(EventFixtures.load("rds-instance-event.json")))
                .isEqualTo(new RestoreProgressInput.RdsEvent("68f6e973-1a0c-d37b-f2f2-94a7f62ffd4e", "RDS-EVENT-0049", false, "my-db-instance"));
    }

    @Test
    void parse_should_readTheSweepAndCutoverRequests() {
        assertThat(RestoreProgressInput.parse(EventFixtures.load("scheduled-event.json"))).isInstanceOf(RestoreProgressInput.Sweep.class);
        assertThat(RestoreProgressInput.parse(Map.of("id", "e-1", "detail-type", "Restore Cutover Requested", "source", "me",
                "detail", Map.of("restoredCluster", "Orders-DB-PITR-20261125-034100"))))
                .isEqualTo(new RestoreProgressInput.CutoverRequested("e-1", "orders-db-pitr-20261125-034100", "unknown"));
        assertThatThrownBy(() -> RestoreProgressInput.parse(EventFixtures.load("restore-requested.json")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("restore-progress handles");
    }
}
