package dev.auroraguard.handler;

/** An AWS service a function calls, named by its AWS SDK for Java v2 module (and package). */
public enum AwsService {
    RDS("rds"),
    EVENTBRIDGE("eventbridge"),
    SSM("ssm"),
    CODEPIPELINE("codepipeline");

    private final String sdkModule;

    AwsService(String sdkModule) {
        this.sdkModule = sdkModule;
    }

    /** The SDK artifact id, which is also the package under {@code software.amazon.awssdk.services}. */
    public String sdkModule() {
        return sdkModule;
    }

    /** The folder of the module's classes inside a jar. */
    public String classFolder() {
        return "software/amazon/awssdk/services/" + sdkModule + "/";
    }
}
