using Xunit;

namespace AdoptionCrm.Emulator.Tests;

/// <summary>
/// The platform codes the emulator raises, held to the values Microsoft publishes in "Web service error
/// codes" (Power Apps data-platform reference, org-service/web-service-error-codes), so a caller that
/// branches on a code sees the platform's number. Codes of the emulator's own carry the HRESULT customer
/// bit, which no Microsoft code sets.
/// </summary>
public class ErrorCodeValueTests
{
    [Theory]
    [InlineData(ErrorCodes.ObjectDoesNotExist, 0x80040217u)]
    [InlineData(ErrorCodes.InvalidArgument, 0x80040203u)]
    [InlineData(ErrorCodes.QueryBuilderNoAttribute, 0x80041103u)]
    [InlineData(ErrorCodes.QueryBuilderNoEntity, 0x80041102u)]
    [InlineData(ErrorCodes.InvalidOperator, 0x80041120u)]
    [InlineData(ErrorCodes.AggregateQueryRecordLimitExceeded, 0x8004E023u)]
    [InlineData(ErrorCodes.DuplicateRecordEntityKey, 0x80060892u)]
    [InlineData(ErrorCodes.ConcurrencyVersionMismatch, 0x80060882u)]
    [InlineData(ErrorCodes.ConcurrencyVersionNotProvided, 0x80060883u)]
    [InlineData(ErrorCodes.IsvAborted, 0x80040265u)]
    public void A_documented_code_has_the_published_value(int code, uint published) =>
        Assert.Equal(unchecked((int)published), code);

    [Theory]
    [InlineData(ErrorCodes.NotEmulated)]
    [InlineData(ErrorCodes.MaxBatchSizeExceeded)]
    public void An_emulator_code_is_marked_as_not_Microsofts(int code) =>
        Assert.NotEqual(0, code & 0x20000000);
}
