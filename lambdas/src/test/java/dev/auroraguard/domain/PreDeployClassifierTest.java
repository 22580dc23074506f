package dev.auroraguard.domain;

import static dev.auroraguard.domain.DomainFixtures.cluster;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.domain.PreDeployOutcome.Reason;
import dev.auroraguard.domain.PreDeployOutcome.Status;
import dev.auroraguard.domain.PreDeployRequest.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreDeployClassifierTest {

    private static final String JOB = "0d3a9f7e-5b1c-4e8a-9a43-2f6c1d7b8e90";
    private static final Instant START = Instant.parse("2026-11-25T14:00:00Z");
    private final PreDeployClassifier classifier = new PreDeployClassifier(Duration.ofHours(2));
    private final PreDeployRequest request = new PreDeployRequest(Source.CODEPIPELINE_JOB, JOB, "orders-db",
            Optional.of("release-42"), Optional.empty());

    private Snapshot ours(String status) {
        Map<String, String> tags = new HashMap<>(TagScheme.forPreDeploySnapshot(JOB, Optional.of("release-42"), Optional.of(JOB),
                Optional.empty(), Map.of()).tags());
        return new Snapshot(request.snapshotId(), "arn:aws:rds:eu-west-1:123456789012:cluster-snapshot:" + request.snapshotId(),
                "orders-db", status, Optional.of(START.plusSeconds(5)), tags);
    }

    private PreDeployProgress creating() {
        return PreDeployProgress.begin(request, START).creating();
    }

    @ParameterizedTest
    @ValueSource(strings = {"backing-up", "modifying", "upgrading", "maintenance", "some-future-status"})
    void clusterUnavailable_should_wait_when_theStatusPassesByItself(String status) {
        // GIVEN a busy cluster / WHEN classified / THEN the request waits, nothing is wrong for good
        PreDeployOutcome outcome = classifier.clusterUnavailable(request, cluster("orders-db", status, Map.of()));
        assertThat(outcome.status()).isEqualTo(Status.WAITING);
        assertThat(outcome.reason()).isEqualTo(Reason.CLUSTER_BUSY);
        assertThat(outcome.message()).isEqualTo("cluster orders-db is '" + status + "'; RDS only snapshots an available cluster,"
                + " so the snapshot starts once the cluster is available again");
    }

    @ParameterizedTest
    @ValueSource(strings = {"stopped", "stopping", "failed", "inaccessible-encryption-credentials", "incompatible-network"})
    void clusterUnavailable_should_failAtOnce_when_onlyAPersonCanMakeItAvailable(String status) {
        PreDeployOutcome outcome = classifier.clusterUnavailable(request, cluster("orders-db", status, Map.of()));
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.reason()).isEqualTo(Reason.CLUSTER_NOT_AVAILABLE);
        assertThat(outcome.retryable()).isFalse();
        assertThat(outcome.message()).contains("does not change by itself").endsWith("then retry the failed action in the pipeline");
    }

    @Test
    void existing_should_beTheRequestsOwn_when_createdForThisRequest() {
        // GIVEN our snapshot in each state / WHEN found under the identifier / THEN available, still creating or failed
        assertThat(classifier.existing(request, Optional.empty(), ours("available")))
                .extracting(PreDeployOutcome::status, PreDeployOutcome::reason, PreDeployOutcome::alreadyExisted)
                .containsExactly(Status.AVAILABLE, Reason.ALREADY_EXISTS, true);
        assertThat(classifier.existing(request, Optional.empty(), ours("creating")))
                .extracting(PreDeployOutcome::status, PreDeployOutcome::reason).containsExactly(Status.CREATING, Reason.ALREADY_EXISTS);
        assertThat(classifier.existing(request, Optional.empty(), ours("failed")))
                .extracting(PreDeployOutcome::status, PreDeployOutcome::reason).containsExactly(Status.FAILED, Reason.SNAPSHOT_FAILED);
    }

    @Test
    void existing_should_conflict_when_theSnapshotWasNotCreatedForThisRequest() {
        // GIVEN snapshots under the identifier that are not this request's: foreign, another trigger, another kind
        Snapshot foreign = new Snapshot(request.snapshotId(), "arn:s", "orders-db", "available", Optional.empty(), Map.of());
        Snapshot otherTrigger = withTag(ours("available"), TagScheme.TRIGGER, "another-job");
        Snapshot otherKind = withTag(ours("available"), TagScheme.KIND, "scheduled");

        // WHEN / THEN each is a conflict that names what it is
        assertThat(classifier.existing(request, Optional.empty(), foreign).message())
                .contains("is taken by a snapshot aurora-guard did not create (no aurora-guard:managed=true tag)");
        assertThat(classifier.existing(request, Optional.empty(), otherTrigger).message())
                .contains("for another request (pre-deploy, trigger another-job)");
        assertThat(classifier.existing(request, Optional.empty(), otherKind).reason()).isEqualTo(Reason.IDENTIFIER_CONFLICT);
    }

    private static Snapshot withTag(Snapshot s, String key, String value) {
        Map<String, String> tags = new HashMap<>(s.tags());
        tags.put(key, value);
        return new Snapshot(s.id(), s.arn(), s.clusterId(), s.status(), s.createTime(), tags);
    }

    @Test
    void progress_should_followTheSnapshot_when_lookedAtLater() {
        // GIVEN a started request
        PreDeployProgress progress = creating();

        // WHEN / THEN
        assertThat(classifier.progress(progress, Optional.of(ours("creating")), START.plus(Duration.ofMinutes(12))))
                .satisfies(o -> {
                    assertThat(o.status()).isEqualTo(Status.CREATING);
                    assertThat(o.message()).endsWith("is still 'creating' (12m so far, limit 2h)");
                });
        assertThat(classifier.progress(progress, Optional.of(ours("available")), START.plus(Duration.ofMinutes(65))))
                .satisfies(o -> {
                    assertThat(o.status()).isEqualTo(Status.AVAILABLE);
                    assertThat(o.message()).contains("is available, created 2026-11-25T14:00:05Z (1h 5m after the request)");
                });
        assertThat(classifier.progress(progress, Optional.empty(), START.plusSeconds(60)).reason()).isEqualTo(Reason.SNAPSHOT_MISSING);
        assertThat(classifier.progress(progress, Optional.of(ours("incompatible-parameters")), START.plusSeconds(60)).reason())
                .isEqualTo(Reason.SNAPSHOT_FAILED);
    }

    @Test
    void progress_should_failAtTheLimit_when_theSnapshotIsStillCreating() {
        // GIVEN a request that began two hours ago
        Instant limit = START.plus(Duration.ofHours(2));

        // WHEN looked at just before and at the limit
        PreDeployOutcome before = classifier.progress(creating(), Optional.of(ours("creating")), limit.minusSeconds(1));
        PreDeployOutcome at = classifier.progress(creating(), Optional.of(ours("creating")), limit);

        // THEN it fails exactly at the limit, saying which setting bounds it
        assertThat(before.status()).isEqualTo(Status.CREATING);
        assertThat(at.status()).isEqualTo(Status.FAILED);
        assertThat(at.reason()).isEqualTo(Reason.WAIT_LIMIT_REACHED);
        assertThat(at.message()).startsWith("pre-deploy snapshot " + request.snapshotId() + " of orders-db is still 'creating'"
                + " after 2h, the limit (PRE_DEPLOY_MAX_WAIT=2h)");
        // AND an available snapshot is success however late
        assertThat(classifier.progress(creating(), Optional.of(ours("available")), limit.plusSeconds(600)).status())
                .isEqualTo(Status.AVAILABLE);
    }

    @Test
    void limited_should_failAWaitingRequest_when_theClusterStaysBusyPastTheLimit() {
        // GIVEN a request that never started
        PreDeployOutcome busy = classifier.clusterUnavailable(request, cluster("orders-db", "backing-up", Map.of()));

        // WHEN / THEN
        PreDeployOutcome limited = classifier.limited(busy, PreDeployProgress.begin(request, START), START.plus(Duration.ofHours(3)));
        assertThat(limited.reason()).isEqualTo(Reason.WAIT_LIMIT_REACHED);
        assertThat(limited.message()).contains("has not started (cluster orders-db is 'backing-up'");
    }

    @Test
    void human_should_readLikeAPerson_when_formattingDurations() {
        assertThat(PreDeployClassifier.human(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(PreDeployClassifier.human(Duration.ofMinutes(12))).isEqualTo("12m");
        assertThat(PreDeployClassifier.human(Duration.ofMinutes(120))).isEqualTo("2h");
        assertThat(PreDeployClassifier.human(Duration.ofMinutes(65))).isEqualTo("1h 5m");
    }

    @Test
    void request_should_refuseLabels_when_rdsWouldRefuseThemAsTagValues() {
        assertThat(PreDeployRequest.textProblem("release-42")).isEmpty();
        assertThat(PreDeployRequest.textProblem("Release 42: hotfix/payments @ v1.2+3")).isEmpty();
        assertThat(PreDeployRequest.textProblem("release#42")).hasValueSatisfying(p -> assertThat(p).contains("_ . : / = + - @"));
        assertThat(PreDeployRequest.textProblem("x".repeat(129))).hasValue("is 129 characters long (at most 128)");
        assertThat(PreDeployRequest.textProblem(" ")).hasValue("is blank");
    }

    @Test
    void forPreDeploySnapshot_should_tagKindTriggerLabelAndJob_beforeCopiedClusterTags() {
        // GIVEN cluster tags, some ours and reserved / WHEN the tags are built
        TagScheme.NewSnapshotTags tags = TagScheme.forPreDeploySnapshot(JOB, Optional.of("release-42"), Optional.of(JOB),
                Optional.of("jenkins"), Map.of("team", "payments", "aws:cloudformation:stack-name", "x", "aurora-guard:backup", "true"));

        // THEN ours come first, then the copyable cluster tags
        assertThat(tags.tags()).containsExactly(Map.entry("aurora-guard:managed", "true"), Map.entry("aurora-guard:kind", "pre-deploy"),
                Map.entry("aurora-guard:trigger", JOB), Map.entry("aurora-guard:label", "release-42"),
                Map.entry("aurora-guard:pipeline-job", JOB), Map.entry("aurora-guard:requester", "jenkins"),
                Map.entry("team", "payments"));
        assertThat(tags.droppedKeys()).isEmpty();
    }
}
