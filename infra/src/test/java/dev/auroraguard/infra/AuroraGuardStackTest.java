package dev.auroraguard.infra;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class AuroraGuardStackTest {

    private static Template template;

    @BeforeAll
    static void synthesize() {
        App app = new App(AppProps.builder().context(Map.of("eventBusName", "ops-aurora-guard")).build());
        template = Template.fromStack(AuroraGuardApp.createStack(app));
    }

    @Test
    void stack_should_createNamedEventBus_when_contextNamesIt() {
        // THEN the bus has the configured name and is exported
        template.hasResourceProperties("AWS::Events::EventBus", Match.objectLike(Map.of("Name", "ops-aurora-guard")));
        template.hasOutput("EventBusName", Match.anyValue());
        template.hasOutput("EventBusArn", Match.anyValue());
    }

    @Test
    void settings_should_failNamingTheKey_when_busNameIsReserved() {
        assertThatThrownBy(() -> AuroraGuardSettings.fromContext(Map.<String, Object>of("eventBusName", "default")::get))
                .hasMessageContaining("context eventBusName")
                .hasMessageContaining("not 'default'");
    }
}
