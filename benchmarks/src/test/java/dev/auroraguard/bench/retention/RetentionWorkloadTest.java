package dev.auroraguard.bench.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.config.RetentionPolicyJson;
import dev.auroraguard.domain.retention.BucketRule;
import dev.auroraguard.domain.retention.DeletionBudget;
import dev.auroraguard.domain.retention.KeepRules;
import dev.auroraguard.domain.retention.ListedSnapshot;
import dev.auroraguard.domain.retention.ReasonCode;
import dev.auroraguard.domain.retention.RetentionPlan;
import dev.auroraguard.domain.retention.RetentionPlanner;
import dev.auroraguard.domain.retention.RetentionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetentionWorkloadTest {

    @ParameterizedTest
    @ValueSource(ints = {1_000, 10_000, 100_000})
    void generate_should_spreadTheSnapshotsEvenlyOverTheClusters_when_givenABenchmarkSize(int size) {
        // GIVEN one of the benchmark's sizes
        // WHEN the account is generated
        RetentionWorkload workload = RetentionWorkload.generate(size, RetentionWorkload.SEED);

        // THEN there are exactly that many snapshots, size / 100 on each of the 100 clusters, every identifier once
        assertThat(workload.snapshots()).hasSize(size);
        assertThat(workload.clusters()).hasSize(RetentionWorkload.CLUSTERS).doesNotHaveDuplicates();
        Map<String, Long> perCluster = workload.snapshots().stream()
                .collect(Collectors.groupingBy(ListedSnapshot::cluster, Collectors.counting()));
        assertThat(perCluster.keySet()).containsExactlyInAnyOrderElementsOf(workload.clusters());
        assertThat(perCluster.values()).allMatch(count -> count == size / RetentionWorkload.CLUSTERS);
        assertThat(workload.snapshots().stream().map(ListedSnapshot::identifier).distinct().count()).isEqualTo(size);
    }

    @Test
    void generate_should_giveTheSameAccount_when_theSeedIsTheSame() {
        // GIVEN two generations with the benchmark's seed and one with another seed
        RetentionWorkload first = RetentionWorkload.generate(10_000, RetentionWorkload.SEED);
        RetentionWorkload second = RetentionWorkload.generate(10_000, RetentionWorkload.SEED);
        RetentionWorkload other = RetentionWorkload.generate(10_000, RetentionWorkload.SEED + 1);

        // THEN the same seed gives the same snapshots in the same listing order, and another seed another account
        assertThat(second).isEqualTo(first);
        assertThat(other.snapshots()).isNotEqualTo(first.snapshots());
    }

    @Test
    void policy_should_beValidAndUseEveryKindOfRule_when_readAsTheFunctionReadsIt() {
        // GIVEN the benchmark's policy text
        // WHEN it is read as the function reads RETENTION_POLICY
        RetentionPolicy policy = RetentionPolicyJson.parse(RetentionWorkload.POLICY_JSON);

        // THEN it is the generated workload's policy, in a zone with daylight saving time,
        // with keepLast, daily, weekly, monthly, yearly and keepWithin rules
        assertThat(RetentionWorkload.generate(1_000, RetentionWorkload.SEED).policy()).isEqualTo(policy);
        assertThat(policy.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(policy.rulesByKind()).containsOnlyKeys("scheduled", "pre-deploy");
        KeepRules scheduled = policy.rulesFor("scheduled");
        KeepRules preDeploy = policy.rulesFor("pre-deploy");
        assertThat(preDeploy.count(BucketRule.LAST)).isPositive();
        for (BucketRule rule : new BucketRule[] {BucketRule.DAILY, BucketRule.WEEKLY, BucketRule.MONTHLY, BucketRule.YEARLY}) {
            assertThat(scheduled.count(rule)).as(rule.label()).isPositive();
        }
        assertThat(scheduled.within()).isPresent();
        assertThat(preDeploy.within()).isPresent();
    }

    @Test
    void generate_should_holdWhatARealAccountHolds_when_givenTheLargestSize() {
        // GIVEN the largest account
        RetentionWorkload workload = RetentionWorkload.generate(100_000, RetentionWorkload.SEED);

        // WHEN it is planned as the function plans, and without a budget
        RetentionPlanner planner = new RetentionPlanner(workload.policy());
        RetentionPlan budgeted = planner.plan(workload.listing(), workload.now(), workload.budget());
        RetentionPlan unlimited = planner.plan(workload.listing(), workload.now(), DeletionBudget.unlimited());

        // THEN every snapshot is from before the run, both kinds and hand-made, retained and unfinished ones are
        // present, and the plan both keeps and deletes, deferring most deletions to later runs
        assertThat(workload.snapshots()).allMatch(s -> s.createdAt().isBefore(workload.now()));
        Map<String, Long> byKind = workload.snapshots().stream()
                .collect(Collectors.groupingBy(s -> s.kind().orElse("none"), Collectors.counting()));
        assertThat(byKind).containsOnlyKeys("scheduled", "pre-deploy", "none");
        assertThat(byKind.get("pre-deploy")).isBetween(8_000L, 12_000L);
        assertThat(byKind.get("none")).isBetween(1_000L, 3_000L);
        assertThat(workload.snapshots()).noneMatch(s -> s.kind().isEmpty() && s.managed());
        assertThat(count(workload, ListedSnapshot::retained)).isBetween(500L, 1_500L);
        assertThat(count(workload, s -> !s.available())).isBetween(1L, 30L);
        Instant oldest = workload.snapshots().stream().map(ListedSnapshot::createdAt).min(Comparator.naturalOrder())
                .orElseThrow();
        assertThat(Duration.between(oldest, workload.now()).toDays()).isGreaterThan(700);
        assertThat(budgeted.delete()).hasSize(workload.budget().maxDeletions());
        assertThat(budgeted.deferredByBudget()).isEqualTo(unlimited.delete().size() - budgeted.delete().size());
        assertThat(unlimited.keep()).isNotEmpty();
        assertThat(unlimited.keep().stream().filter(d -> d.hasReason(ReasonCode.RETAINED))).isNotEmpty();
        assertThat(unlimited.keep().stream().filter(d -> d.hasReason(ReasonCode.YEARLY))).isNotEmpty();
    }

    @Test
    void generate_should_refuse_when_theSnapshotsCannotBeSpreadEvenly() {
        // GIVEN sizes that are not a positive multiple of 100
        // WHEN / THEN generating refuses them with a message naming the rule
        assertThatThrownBy(() -> RetentionWorkload.generate(1_050, 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive multiple of 100");
        assertThatThrownBy(() -> RetentionWorkload.generate(0, 1L)).isInstanceOf(IllegalArgumentException.class);
    }

    private static long count(RetentionWorkload workload, Predicate<ListedSnapshot> test) {
        return workload.snapshots().stream().filter(test).count();
    }
}
