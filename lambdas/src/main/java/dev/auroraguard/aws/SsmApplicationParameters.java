package dev.auroraguard.aws;

import dev.auroraguard.port.ApplicationParameters;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;

/** {@link ApplicationParameters} over SSM Parameter Store GetParameter / PutParameter. */
public final class SsmApplicationParameters implements ApplicationParameters {

    /** SnapStart priming: a read of a parameter that does not exist (see {@link ClientPriming}). */
    public static ClientPriming.Call primingCall(SsmClient ssm) {
        return new ClientPriming.Call("ssm:GetParameter", () -> ssm.getParameter(r -> r.name("/" + ClientPriming.PRIMING_NAME)));
    }

    private final SsmClient ssm;

    public SsmApplicationParameters(SsmClient ssm) {
        this.ssm = ssm;
    }

    @Override
    public Optional<ParameterValue> get(String name) {
        try {
            var parameter = ssm.getParameter(GetParameterRequest.builder().name(name).withDecryption(true).build()).parameter();
            return Optional.of(new ParameterValue(parameter.value(), parameter.version() == null ? 0 : parameter.version()));
        } catch (ParameterNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.translate("GetParameter", e);
        }
    }

    @Override
    public long put(String name, String value) {
        boolean exists = get(name).isPresent();
        try {
            var request = PutParameterRequest.builder().name(name).value(value).overwrite(exists);
            if (!exists) {
                // Type may only be given when creating; an existing parameter keeps its own.
                request.type(ParameterType.STRING);
            }
            Long version = ssm.putParameter(request.build()).version();
            return version == null ? 0 : version;
        } catch (SdkException e) {
            throw AwsErrors.translate("PutParameter", e);
        }
    }
}
