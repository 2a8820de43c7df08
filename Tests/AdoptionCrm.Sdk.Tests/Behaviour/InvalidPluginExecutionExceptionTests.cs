using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Sdk.Tests.Behaviour;

/// <summary>
/// Dataverse shows an InvalidPluginExecutionException's message to the user. Without an explicit code its
/// ErrorCode is its HResult, 0x80131500 (measured on Microsoft's Microsoft.Xrm.Sdk 9.0.0.0); the platform
/// wraps it in an IsvAborted fault whose SubErrorCode is that code (the emulator's side, PipelineTests).
/// </summary>
public class InvalidPluginExecutionExceptionTests
{
    private const int PluginErrorCode = unchecked((int)0x80131500);

    [Fact]
    public void Message_constructor_defaults_to_Failed_and_ErrorCode_equal_to_its_HResult()
    {
        var exception = new InvalidPluginExecutionException("Domain is required.");
        Assert.Equal("Domain is required.", exception.Message);
        Assert.Equal(OperationStatus.Failed, exception.Status);
        Assert.Equal(PluginErrorCode, exception.ErrorCode);
        Assert.Equal(exception.HResult, exception.ErrorCode);
    }

    [Fact]
    public void Inner_exception_constructor_keeps_the_inner_and_the_defaults()
    {
        var inner = new InvalidOperationException("boom");
        var exception = new InvalidPluginExecutionException("Wrapped.", inner);
        Assert.Same(inner, exception.InnerException);
        Assert.Equal(OperationStatus.Failed, exception.Status);
        Assert.Equal(PluginErrorCode, exception.ErrorCode);
    }

    [Fact]
    public void Status_constructors_keep_the_status()
    {
        Assert.Equal(OperationStatus.Retry, new InvalidPluginExecutionException(OperationStatus.Retry).Status);
        var canceled = new InvalidPluginExecutionException(OperationStatus.Canceled, "stop");
        Assert.Equal(OperationStatus.Canceled, canceled.Status);
        Assert.Equal(PluginErrorCode, canceled.ErrorCode);
    }

    [Fact]
    public void Explicit_error_code_is_kept()
    {
        var exception = new InvalidPluginExecutionException(OperationStatus.Failed, -2147088254, "Version mismatch");
        Assert.Equal(-2147088254, exception.ErrorCode);
        Assert.Equal("Version mismatch", exception.Message);
    }

    [Fact]
    public void OperationStatus_values_are_the_official_ones()
    {
        Assert.Equal(0, (int)OperationStatus.Failed);
        Assert.Equal(1, (int)OperationStatus.Canceled);
        Assert.Equal(2, (int)OperationStatus.Retry);
        Assert.Equal(3, (int)OperationStatus.Suspended);
        Assert.Equal(4, (int)OperationStatus.Succeeded);
    }
}
