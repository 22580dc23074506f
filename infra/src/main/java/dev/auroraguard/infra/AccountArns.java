package dev.auroraguard.infra;

import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;

/**
 * The non-RDS ARNs the restore functions' roles and triggers name (CloudWatch alarms, KMS keys, SSM
 * parameters), in the stack's partition, region and account.
 */
final class AccountArns {

    private final Stack stack;

    AccountArns(Stack stack) {
        this.stack = stack;
    }

    /** The alarm's ARN: {@code alarm} as given when it is one, else the alarm of that name in this account and region. */
    String alarm(String alarm) {
        if (alarm.startsWith("arn:")) {
            return alarm;
        }
        return stack.formatArn(ArnComponents.builder().service("cloudwatch").resource("alarm").resourceName(alarm)
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build());
    }

    /** Every KMS key of the account in the region. */
    IamResource anyKey() {
        String value = stack.formatArn(ArnComponents.builder().service("kms").resource("key").resourceName("*")
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build());
        return IamResource.slashArn(value, "kms", "key", "*");
    }

    /** The SSM parameter {@code name} ({@code /a/b} or {@code a}): its ARN is {@code parameter/a/b}. */
    IamResource parameter(String name) {
        String path = name.startsWith("/") ? name.substring(1) : name;
        String value = stack.formatArn(ArnComponents.builder().service("ssm").resource("parameter").resourceName(path)
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build());
        return IamResource.slashArn(value, "ssm", "parameter", path);
    }

    /** The region's RDS endpoint service name, for {@code kms:ViaService}. */
    String rdsService() {
        return "rds." + stack.getRegion() + ".amazonaws.com";
    }
}
