package dev.auroraguard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventPatternMatcherTest {

    private static final String RDS_SNAPSHOT_EVENT = """
            {"version":"0","id":"844e2571-85d4-695f-b930-0153b71dcb42","detail-type":"RDS DB Cluster Snapshot Event",
             "source":"aws.rds","account":"123456789012","time":"2026-11-25T03:04:12Z","region":"us-east-1",
             "resources":["arn:aws:rds:us-east-1:123456789012:cluster-snapshot:orders-db-scheduled-20261125-0300"],
             "detail":{"EventCategories":["backup"],"SourceType":"CLUSTER_SNAPSHOT","EventID":"RDS-EVENT-0075",
                       "SourceIdentifier":"orders-db-scheduled-20261125-0300","Message":"Manual cluster snapshot created"}}
            """;

    @Test
    void matches_should_acceptEvent_when_everyNamedFieldMatches() {
        // GIVEN a rule pattern for RDS cluster snapshot creation events
        EventPatternMatcher matcher = EventPatternMatcher.of("""
                {"source":["aws.rds"],"detail-type":["RDS DB Cluster Snapshot Event"],
                 "detail":{"EventID":["RDS-EVENT-0075","RDS-EVENT-0076"],"EventCategories":["backup"]}}""");

        // THEN the matching event matches (EventCategories is an array in the event: any element counts)
        assertThat(matcher.matches(RDS_SNAPSHOT_EVENT)).isTrue();
    }

    @Test
    void matches_should_rejectEvent_when_oneFieldDiffersOrIsMissing() {
        assertThat(EventPatternMatcher.of("{\"source\":[\"aurora-guard\"]}").matches(RDS_SNAPSHOT_EVENT)).isFalse();
        assertThat(EventPatternMatcher.of("{\"detail\":{\"Missing\":[\"x\"]}}").matches(RDS_SNAPSHOT_EVENT)).isFalse();
        assertThat(EventPatternMatcher.of("{\"detail\":{\"EventID\":[{\"anything-but\":[\"RDS-EVENT-0075\"]}]}}").matches(RDS_SNAPSHOT_EVENT)).isFalse();
    }

    @Test
    void matches_should_applyFilters_when_patternUsesPrefixExistsAndNumeric() {
        assertThat(EventPatternMatcher.of("{\"detail\":{\"SourceIdentifier\":[{\"prefix\":\"orders-db-\"}]}}").matches(RDS_SNAPSHOT_EVENT)).isTrue();
        assertThat(EventPatternMatcher.of("{\"detail\":{\"Message\":[{\"exists\":true}],\"Nope\":[{\"exists\":false}]}}").matches(RDS_SNAPSHOT_EVENT)).isTrue();
        assertThat(EventPatternMatcher.of("{\"detail\":{\"n\":[{\"numeric\":[\">\",0,\"<=\",5]}]}}").matches("{\"detail\":{\"n\":5}}")).isTrue();
        assertThat(EventPatternMatcher.of("{\"detail\":{\"n\":[{\"numeric\":[\">\",0,\"<=\",5]}]}}").matches("{\"detail\":{\"n\":6}}")).isFalse();
    }
}
