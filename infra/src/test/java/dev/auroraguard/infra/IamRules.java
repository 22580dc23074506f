package dev.auroraguard.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The IAM rules every role of the deployment obeys, as a check over {@link IamStatements}: it returns
 * what breaks them, so a test can show both that the template is clean and that the check finds each
 * kind of breach.
 */
final class IamRules {

    static final String MANAGED_TAG_CONDITION = "rds:cluster-snapshot-tag/aurora-guard:managed";
    static final String MANAGED_RESOURCE_TAG = "aws:ResourceTag/aurora-guard:managed";

    /**
     * Mutating actions that support no resource-level permission (Service Authorization Reference): only "*"
     * can name them. CodePipeline's job answers only affect the job the pipeline handed the function.
     */
    static final java.util.Set<String> WITHOUT_RESOURCE_TYPES = java.util.Set.of(
            "codepipeline:PutJobSuccessResult", "codepipeline:PutJobFailureResult");

    private IamRules() {
    }

    static List<String> violations(List<IamStatements.Statement> statements) {
        List<String> violations = new ArrayList<>();
        for (IamStatements.Statement s : statements) {
            for (String action : s.actions()) {
                if (action.contains("*")) {
                    violations.add("wildcard action " + action + " in " + s);
                }
            }
            if (!s.allows()) {
                continue;
            }
            for (String action : s.actions()) {
                boolean mutating = isMutating(action);
                for (String resource : s.resources()) {
                    if (mutating && resource.equals("*") && !WITHOUT_RESOURCE_TYPES.contains(action)) {
                        violations.add("\"*\" resource on the mutating action " + action + " in " + s);
                    }
                    if (mutating && resource.startsWith("arn:") && resource.endsWith(":*") && s.conditions().isEmpty()) {
                        violations.add("every resource of a type (" + resource + ") on the mutating action " + action
                                + " without a condition in " + s);
                    }
                }
                if (action.equals("rds:DeleteDBClusterSnapshot") && !requiresManagedTag(s)) {
                    violations.add("a delete without the aurora-guard:managed=true resource tag condition in " + s);
                }
                if (action.equals("rds:CreateDBClusterSnapshot")
                        && !"true".equals(s.condition("StringEquals", "aws:RequestTag/aurora-guard:managed"))) {
                    violations.add("a snapshot creation without aurora-guard's tags in the request in " + s);
                }
                if ((action.equals("rds:AddTagsToResource") || action.equals("rds:RemoveTagsFromResource"))
                        && s.conditions().isEmpty()) {
                    violations.add("tagging without a condition in " + s);
                }
            }
        }
        return violations;
    }

    private static boolean requiresManagedTag(IamStatements.Statement s) {
        return "true".equals(s.condition("StringEquals", MANAGED_TAG_CONDITION))
                || "true".equals(s.condition("StringEquals", MANAGED_RESOURCE_TAG));
    }

    /** Anything but Describe*, List* and Get* changes something. */
    static boolean isMutating(String action) {
        String verb = action.substring(action.indexOf(':') + 1).toLowerCase(Locale.ROOT);
        return !(verb.startsWith("describe") || verb.startsWith("list") || verb.startsWith("get"));
    }
}
