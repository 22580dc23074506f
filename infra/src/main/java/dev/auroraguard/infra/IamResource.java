package dev.auroraguard.infra;

import java.util.Objects;

/**
 * A resource in an IAM statement: its value in the template (often with CloudFormation tokens) and the
 * regular expression cdk-nag's {@code AwsSolutions-IAM5} finding for it matches, so that a wildcard can
 * be excused for exactly this resource and nothing else.
 *
 * @param value       the ARN (or {@code *}) as given to the policy statement
 * @param nagFinding  a JavaScript regular expression literal matching {@code Resource::<arn as cdk-nag renders it>}
 * @param wildcard    whether the resource matches more than one thing (contains {@code *})
 */
record IamResource(String value, String nagFinding, boolean wildcard) {

    private static final String TOKEN_OR_VALUE = "(?:<AWS::[A-Za-z]+>|[^:<>]*)";

    IamResource {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(nagFinding, "nagFinding");
    }

    /** Every resource: only for actions that support no resource-level permission. */
    static IamResource everything() {
        return new IamResource("*", "/^Resource::\\*$/", true);
    }

    /**
     * An ARN built by {@code Stack.formatArn}: cdk-nag renders its partition, region and account either
     * literally (a stack with an explicit environment) or as {@code <AWS::Partition>}-style tokens.
     */
    static IamResource arn(String value, String service, String resourceType, String resourceName) {
        String finding = "/^Resource::arn:" + TOKEN_OR_VALUE + ":" + regexLiteral(service) + ":" + TOKEN_OR_VALUE + ":"
                + TOKEN_OR_VALUE + ":" + regexLiteral(resourceType) + ":" + regexLiteral(resourceName) + "$/";
        return new IamResource(value, finding, resourceName.contains("*"));
    }

    /** An ARN whose resource name follows a slash ({@code key/...}, {@code parameter/...}). */
    static IamResource slashArn(String value, String service, String resourceType, String resourceName) {
        String finding = "/^Resource::arn:" + TOKEN_OR_VALUE + ":" + regexLiteral(service) + ":" + TOKEN_OR_VALUE + ":"
                + TOKEN_OR_VALUE + ":" + regexLiteral(resourceType) + "\\/" + regexLiteral(resourceName) + "$/";
        return new IamResource(value, finding, resourceName.contains("*"));
    }

    /** A resource whose value is a token (an attribute of a resource in the stack): never a wildcard. */
    static IamResource of(String value) {
        return new IamResource(value, "/^$/", false);
    }

    private static String regexLiteral(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\^$.|?*+()[]{}/".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
