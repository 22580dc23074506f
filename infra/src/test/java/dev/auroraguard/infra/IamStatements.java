package dev.auroraguard.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every statement of every identity policy in a synthesized template (roles' inline policies,
 * {@code AWS::IAM::Policy}, {@code AWS::IAM::ManagedPolicy}), with resources rendered as text:
 * {@code Fn::Join} concatenated, {@code Ref} as {@code ${Name}}, {@code Fn::GetAtt} as {@code ${Id.Attr}}.
 */
final class IamStatements {

    /**
     * @param owner      the logical id of the role the statement applies to
     * @param source     the logical id of the resource holding it
     * @param effect     Allow or Deny
     * @param actions    its actions
     * @param resources  its resources, as text
     * @param conditions operator -> key -> value(s)
     */
    record Statement(String owner, String source, String sid, String effect, List<String> actions, List<String> resources,
                     Map<String, Map<String, Object>> conditions) {

        boolean allows() {
            return effect.equals("Allow");
        }

        /** The condition value of {@code key} under {@code operator}, or null. */
        Object condition(String operator, String key) {
            Map<String, Object> byKey = conditions.get(operator);
            return byKey == null ? null : byKey.get(key);
        }

        @Override
        public String toString() {
            return owner + "/" + sid + " " + effect + " " + actions + " on " + resources + " if " + conditions;
        }
    }

    private IamStatements() {
    }

    @SuppressWarnings("unchecked")
    static List<Statement> of(SynthesizedApp app) {
        List<Statement> statements = new ArrayList<>();
        app.resources("AWS::IAM::Role").forEach((id, role) -> {
            Map<String, Object> properties = (Map<String, Object>) role.get("Properties");
            for (Object policy : (List<Object>) properties.getOrDefault("Policies", List.of())) {
                Map<String, Object> document = (Map<String, Object>) ((Map<String, Object>) policy).get("PolicyDocument");
                addAll(statements, id, id, document);
            }
        });
        for (String type : List.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")) {
            app.resources(type).forEach((id, policy) -> {
                Map<String, Object> properties = (Map<String, Object>) policy.get("Properties");
                List<Object> roles = (List<Object>) properties.getOrDefault("Roles", List.of());
                for (Object role : roles) {
                    addAll(statements, render(role).replace("${", "").replace("}", ""), id,
                            (Map<String, Object>) properties.get("PolicyDocument"));
                }
            });
        }
        return statements;
    }

    @SuppressWarnings("unchecked")
    private static void addAll(List<Statement> out, String owner, String source, Map<String, Object> document) {
        for (Object item : (List<Object>) document.get("Statement")) {
            Map<String, Object> s = (Map<String, Object>) item;
            out.add(new Statement(owner, source, String.valueOf(s.get("Sid")), (String) s.get("Effect"),
                    strings(s.get("Action")), asList(s.get("Resource")).stream().map(IamStatements::render).toList(),
                    (Map<String, Map<String, Object>>) s.getOrDefault("Condition", Map.of())));
        }
    }

    private static List<String> strings(Object value) {
        return asList(value).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? (List<Object>) list : List.of(value);
    }

    /** A CloudFormation value as text. */
    @SuppressWarnings("unchecked")
    static String render(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> entry = map.entrySet().iterator().next();
            switch (String.valueOf(entry.getKey())) {
                case "Ref":
                    return "${" + entry.getValue() + "}";
                case "Fn::GetAtt":
                    return "${" + String.join(".", (List<String>) entry.getValue()) + "}";
                case "Fn::Join": {
                    List<Object> join = (List<Object>) entry.getValue();
                    StringBuilder out = new StringBuilder();
                    List<Object> parts = (List<Object>) join.get(1);
                    for (int i = 0; i < parts.size(); i++) {
                        if (i > 0) {
                            out.append(join.get(0));
                        }
                        out.append(render(parts.get(i)));
                    }
                    return out.toString();
                }
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("cannot render " + value);
    }
}
