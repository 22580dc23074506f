package dev.auroraguard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.config.RetentionPolicyJson.InvalidRetentionPolicyException;
import dev.auroraguard.domain.retention.KeepRules;
import dev.auroraguard.domain.retention.KeepWithin;
import dev.auroraguard.domain.retention.RetentionPolicy;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetentionPolicyJsonTest {

    @Test
    void parse_should_readEveryRule_when_givenTheDocumentedExample() {
        // GIVEN the example from the retention documentation
        String json = """
                {"timezone":"Europe/Berlin",
                 "rules":{"scheduled":{"keepDaily":7,"keepWeekly":4,"keepMonthly":12},
                          "pre-deploy":{"keepLast":5,"keepWithin":"P14D"},
                          "nightly":{"keepHourly":24,"keepYearly":3}}}""";

        // WHEN
        RetentionPolicy policy = RetentionPolicyJson.parse(json);

        // THEN
        assertThat(policy.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(policy.rulesByKind()).containsOnlyKeys("scheduled", "pre-deploy", "nightly");
        assertThat(policy.rulesFor("scheduled")).isEqualTo(
                KeepRules.none().withDaily(7).withWeekly(4).withMonthly(12));
        assertThat(policy.rulesFor("pre-deploy")).isEqualTo(
                KeepRules.none().withLast(5).withWithin(KeepWithin.parse("P14D")));
        assertThat(policy.rulesFor("nightly")).isEqualTo(KeepRules.none().withHourly(24).withYearly(3));
        assertThat(policy.rulesFor("unnamed")).isEqualTo(KeepRules.NONE);
    }

    @Test
    void parse_should_defaultToUtc_when_noTimezoneIsGiven() {
        RetentionPolicy policy = RetentionPolicyJson.parse("{\"rules\":{}}");

        assertThat(policy.zone()).isEqualTo(RetentionPolicy.UTC);
        assertThat(policy.rulesByKind()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"rules\":{},\"retention\":1} | the policy: unknown key \"retention\"; allowed keys are timezone, rules",
        "{\"rules\":{\"scheduled\":{\"keepDayly\":7}}} | rules.scheduled: unknown key \"keepDayly\"; allowed keys are keepLast, keepHourly, keepDaily, keepWeekly, keepMonthly, keepYearly, keepWithin",
        "{\"rules\":{\"scheduled\":{\"keepDaily\":-1}}} | rules.scheduled.keepDaily: must be a whole number, zero or more; got -1",
        "{\"rules\":{\"scheduled\":{\"keepDaily\":1.5}}} | rules.scheduled.keepDaily: must be a whole number, zero or more; got 1.5",
        "{\"rules\":{\"scheduled\":{\"keepDaily\":\"7\"}}} | rules.scheduled.keepDaily: must be a whole number, zero or more; got a string",
        "{\"rules\":{\"scheduled\":{\"keepLast\":3000000000}}} | rules.scheduled.keepLast: must be a whole number, zero or more; got 3000000000",
        "{\"rules\":{\"scheduled\":{\"keepWithin\":\"7d\"}}} | rules.scheduled.keepWithin: keepWithin \"7d\" is not an ISO-8601 period",
        "{\"rules\":{\"scheduled\":{\"keepWithin\":\"P0D\"}}} | rules.scheduled.keepWithin: keepWithin must be longer than zero",
        "{\"rules\":{\"scheduled\":{\"keepWithin\":7}}} | rules.scheduled.keepWithin: must be an ISO-8601 period string such as \"P7D\"; got a number",
        "{\"rules\":{\"scheduled\":[]}} | rules.scheduled: must be an object; got an array",
        "{\"rules\":[]} | rules: must be an object; got an array",
        "{\"rules\":{\"\":{}}} | rules: a snapshot kind must be a non-empty string",
        "{\"timezone\":\"Mars/Olympus\",\"rules\":{}} | timezone: unknown time zone \"Mars/Olympus\"",
        "{\"timezone\":1,\"rules\":{}} | timezone: must be a time zone name such as \"UTC\"",
        "{\"timezone\":\"UTC\"} | the policy has no \"rules\" object",
        "{\"rules\":{}, | the retention policy is not valid JSON",
        "[] | the retention policy is not valid JSON: expected a JSON object but found an array",
    })
    void parse_should_nameThePathAndTheExpectation_when_thePolicyIsInvalid(String json, String message) {
        assertThatThrownBy(() -> RetentionPolicyJson.parse(json))
                .isInstanceOf(InvalidRetentionPolicyException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void ruleKeys_should_listEveryRuleInDocumentationOrder() {
        assertThat(RetentionPolicyJson.ruleKeys()).containsExactly(
                "keepLast", "keepHourly", "keepDaily", "keepWeekly", "keepMonthly", "keepYearly", "keepWithin");
    }
}
