package dev.auroraguard.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RdsIdentifierTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "orders-db", "Orders-DB-2", "a1-b2-c3"})
    void isValid_should_accept_when_identifierFollowsRdsRules(String id) {
        // GIVEN an identifier of letters, digits and single hyphens starting with a letter
        // WHEN it is checked / THEN it is valid
        assertThat(RdsIdentifier.isValid(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1abc", "-abc", "abc-", "a--b", "a_b", "a.b", "caf\u00e9"})
    void isValid_should_reject_when_identifierBreaksARule(String id) {
        // GIVEN an identifier breaking one rule
        // WHEN it is checked / THEN it is invalid with a reason
        assertThat(RdsIdentifier.isValid(id)).isFalse();
        assertThat(RdsIdentifier.problem(id)).isPresent();
    }

    @Test
    void isValid_should_rejectLength64_when_63IsTheMaximum() {
        // GIVEN identifiers of 63 and 64 characters
        String max = "a" + "b".repeat(62);
        // WHEN checked / THEN 63 passes and 64 fails
        assertThat(RdsIdentifier.isValid(max)).isTrue();
        assertThat(RdsIdentifier.problem(max + "c")).hasValueSatisfying(p -> assertThat(p).contains("64"));
    }

    @Test
    void normalize_should_lowerCaseAndNameTheValue_when_validOrNot() {
        // GIVEN a mixed-case valid identifier and an invalid one
        // WHEN normalized / THEN the valid one is lower-cased, the invalid one refused with its name in the message
        assertThat(RdsIdentifier.normalize("Orders-DB", "cluster identifier")).isEqualTo("orders-db");
        assertThatThrownBy(() -> RdsIdentifier.normalize("orders_db", "cluster identifier"))
                .hasMessageContaining("cluster identifier 'orders_db'").hasMessageContaining("'_'");
    }
}
