package dev.auroraguard.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.event.EventPatterns;
import dev.auroraguard.handler.FunctionCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The guards that keep a function definition complete and its role explained. */
class FunctionSpecTest {

    private static final IamResource CLUSTER = IamResource.arn("arn:aws:rds:eu-west-1:123456789012:cluster:orders-db",
            "rds", "cluster", "orders-db");
    private static final IamResource ANY_SNAPSHOT = IamResource.arn("arn:aws:rds:eu-west-1:123456789012:cluster-snapshot:*",
            "rds", "cluster-snapshot", "*");

    @Test
    void functionSpec_should_nameTheMissingRule_when_aSharedRuleOfTheFunctionIsNotDeployed() {
        // GIVEN snapshot-available with its RDS event rule but without its periodic check
        assertThatThrownBy(() -> spec(FunctionCatalog.SNAPSHOT_AVAILABLE, 2,
                List.of(Trigger.pattern(EventPatterns.SNAPSHOT_AVAILABLE_RDS_EVENT))))
                .hasMessageContaining("snapshot-available: deploy each of its EventPatterns rules exactly once; missing"
                        + " [snapshot-available-periodic-check]");
    }

    @Test
    void functionSpec_should_refuse_when_aRuleTargetsAnotherFunction() {
        assertThatThrownBy(() -> spec(FunctionCatalog.SCHEDULED_SNAPSHOT, 2,
                List.of(Trigger.pattern(EventPatterns.SNAPSHOT_AVAILABLE_RDS_EVENT))))
                .hasMessageContaining("scheduled-snapshot: rule snapshot-available-rds-event targets snapshot-available");
    }

    @Test
    void functionSpec_should_refuse_when_retriesAreOutsideWhatLambdaAllows() {
        assertThatThrownBy(() -> spec(FunctionCatalog.SCHEDULED_SNAPSHOT, 3, List.of(Trigger.schedule(
                EventPatterns.SCHEDULED_SNAPSHOT_SCHEDULE, List.of("rate(1 day)")))))
                .hasMessageContaining("Lambda retries an asynchronous event 0 to 2 times, not 3");
    }

    @Test
    void trigger_should_refuse_when_scheduleAndPatternAreMixedUp() {
        assertThatThrownBy(() -> Trigger.schedule(EventPatterns.SNAPSHOT_AVAILABLE_RDS_EVENT, List.of("rate(1 hour)")))
                .hasMessageContaining("snapshot-available-rds-event is an event pattern rule: it takes no schedule");
        assertThatThrownBy(() -> Trigger.pattern(EventPatterns.SNAPSHOT_CLEANUP_SCHEDULE))
                .hasMessageContaining("snapshot-cleanup-schedule is a schedule rule: it needs at least one schedule expression");
    }

    @Test
    void rolePolicy_should_refuseAWildcardResource_when_noReasonIsGiven() {
        assertThatThrownBy(() -> new RolePolicy().allow("Delete", List.of("rds:DeleteDBClusterSnapshot"), List.of(ANY_SNAPSHOT)))
                .hasMessageContaining("statement Delete names the wildcard resource")
                .hasMessageContaining("without saying why");
        assertThatThrownBy(() -> new RolePolicy().allowWildcard("Delete", List.of("rds:DeleteDBClusterSnapshot"),
                List.of(ANY_SNAPSHOT), Map.of(), " "))
                .hasMessageContaining("statement Delete: a wildcard needs a reason");
    }

    @Test
    void rolePolicy_should_refuseEveryActionOfAService_when_asked() {
        assertThatThrownBy(() -> new RolePolicy().allow("All", List.of("rds:*"), List.of(CLUSTER)))
                .hasMessageContaining("statement All grants every action (rds:*)");
        assertThatThrownBy(() -> new RolePolicy().allow("All", List.of("*"), List.of(CLUSTER)))
                .hasMessageContaining("grants every action (*)");
    }

    @Test
    void rolePolicy_should_keepOneReasonPerWildcardResource_when_twoStatementsShareIt() {
        // GIVEN two statements naming the same wildcard for different reasons
        RolePolicy policy = new RolePolicy()
                .allowWildcard("List", List.of("rds:DescribeDBClusterSnapshots"), List.of(ANY_SNAPSHOT), Map.of(), "listing")
                .allowWildcard("Never", List.of("rds:DescribeDBClusterSnapshotAttributes"), List.of(ANY_SNAPSHOT, CLUSTER),
                        Map.of(), "attributes");

        // THEN the one suppression finding carries both reasons, and the named cluster needs none
        assertThat(policy.wildcardReasons()).containsOnly(Map.entry(ANY_SNAPSHOT.nagFinding(), "List: listing; Never: attributes"));
        assertThat(ANY_SNAPSHOT.nagFinding()).isEqualTo("/^Resource::arn:(?:<AWS::[A-Za-z]+>|[^:<>]*):rds:"
                + "(?:<AWS::[A-Za-z]+>|[^:<>]*):(?:<AWS::[A-Za-z]+>|[^:<>]*):cluster-snapshot:\\*$/");
        assertThatThrownBy(() -> policy.allow("List", List.of("rds:DescribeDBClusters"), List.of(CLUSTER)))
                .hasMessageContaining("two statements with the id List");
    }

    private static FunctionSpec spec(FunctionCatalog function, int retries, List<Trigger> triggers) {
        return new FunctionSpec(function, Duration.ofMinutes(1), 512, Optional.empty(), retries, Duration.ofHours(1),
                Map.of(), new RolePolicy(), triggers);
    }
}
