package dev.auroraguard.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * The statements of one function's role, each wildcard resource carrying the reason it is needed. The
 * reasons become narrow cdk-nag suppressions (one per wildcard resource), so a wildcard cannot enter a
 * role without someone writing down why.
 */
final class RolePolicy {

    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]+");

    /** One statement, as plain data (the template is checked against these in tests). */
    record Statement(String sid, Effect effect, List<String> actions, List<IamResource> resources,
                     Map<String, Map<String, Object>> conditions) {
        Statement {
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
            conditions = Map.copyOf(conditions);
        }

        PolicyStatement toPolicyStatement() {
            PolicyStatement.Builder builder = PolicyStatement.Builder.create()
                    .sid(sid)
                    .effect(effect)
                    .actions(actions)
                    .resources(resources.stream().map(IamResource::value).toList());
            if (!conditions.isEmpty()) {
                builder.conditions(new LinkedHashMap<>(conditions));
            }
            return builder.build();
        }
    }

    private final List<Statement> statements = new ArrayList<>();
    private final Map<String, String> wildcardReasons = new LinkedHashMap<>();

    /** Allows {@code actions} on resources none of which is a wildcard. */
    RolePolicy allow(String sid, List<String> actions, List<IamResource> resources) {
        return allow(sid, actions, resources, Map.of());
    }

    RolePolicy allow(String sid, List<String> actions, List<IamResource> resources, Map<String, Map<String, Object>> conditions) {
        for (IamResource resource : resources) {
            if (resource.wildcard()) {
                throw new IllegalArgumentException("statement " + sid + " names the wildcard resource " + resource.value()
                        + " without saying why; use allowWildcard");
            }
        }
        return add(new Statement(sid, Effect.ALLOW, actions, resources, conditions));
    }

    /**
     * Allows {@code actions} on resources some of which are wildcards, for {@code reason} (which becomes the
     * cdk-nag suppression's reason for exactly those resources).
     */
    RolePolicy allowWildcard(String sid, List<String> actions, List<IamResource> resources,
                             Map<String, Map<String, Object>> conditions, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("statement " + sid + ": a wildcard needs a reason");
        }
        for (IamResource resource : resources) {
            if (resource.wildcard()) {
                // One finding, one reason: a second statement on the same wildcard appends its own reason.
                wildcardReasons.merge(resource.nagFinding(), sid + ": " + reason, (a, b) -> a + "; " + b);
            }
        }
        return add(new Statement(sid, Effect.ALLOW, actions, resources, conditions));
    }

    /** Denies {@code actions} (under {@code conditions}) whatever else the role is ever given. */
    RolePolicy deny(String sid, List<String> actions, List<IamResource> resources, Map<String, Map<String, Object>> conditions) {
        return add(new Statement(sid, Effect.DENY, actions, resources, conditions));
    }

    private RolePolicy add(Statement statement) {
        if (!SID.matcher(statement.sid()).matches()) {
            throw new IllegalArgumentException("a statement id is letters and digits: " + statement.sid());
        }
        for (String action : statement.actions()) {
            if (action.equals("*") || action.endsWith(":*")) {
                throw new IllegalArgumentException("statement " + statement.sid() + " grants every action (" + action + ")");
            }
        }
        if (statements.stream().anyMatch(s -> s.sid().equals(statement.sid()))) {
            throw new IllegalArgumentException("two statements with the id " + statement.sid());
        }
        statements.add(statement);
        return this;
    }

    List<Statement> statements() {
        return List.copyOf(statements);
    }

    /** cdk-nag finding pattern of each wildcard resource -> why it is needed. */
    Map<String, String> wildcardReasons() {
        return Map.copyOf(wildcardReasons);
    }
}
