namespace AdoptionCrm.Emulator;

/// <summary>
/// Dataverse error codes the emulator raises, with the platform's values (Microsoft Learn, Power Apps
/// data-platform reference, "Web service error codes"). Every platform error leaves the emulator as
/// FaultException&lt;OrganizationServiceFault&gt;, exactly as the SDK surfaces it.
/// </summary>
public static class ErrorCodes
{
    public const int ObjectDoesNotExist = unchecked((int)0x80040217);
    public const int InvalidArgument = unchecked((int)0x80040203);
    public const int AttributeCannotBeNull = -2147220989;
    public const int IsvAborted = -2147220891; // 0x80040265, plug-in's own error
    public const int DuplicateRecordEntityKey = unchecked((int)0x80060892);
    public const int ConcurrencyVersionMismatch = unchecked((int)0x80060882);
    public const int ConcurrencyVersionNotProvided = unchecked((int)0x80060883);
    public const int AggregateQueryRecordLimitExceeded = unchecked((int)0x8004E023);
    public const int QueryBuilderNoAttribute = unchecked((int)0x80041103);
    public const int QueryBuilderNoEntity = unchecked((int)0x80041102);     // "The specified entity was not found."
    public const int InvalidOperator = unchecked((int)0x80041120);          // QueryBuilderInvalidConditionOperator
    // The codes below are from community reports of the platform's messages (unconfirmed in MS docs).
    public const int DuplicateRecord = unchecked((int)0x80040237);          // "Cannot insert duplicate key"
    public const int SqlLockTimeout = -2147204784;                          // "Generic SQL error" (deadlock victim)
    public const int MaxLengthExceeded = unchecked((int)0x80044331);
    public const int ValueOutOfRange = unchecked((int)0x8004431A);
    public const int InvalidStateStatus = unchecked((int)0x80040203);
    public const int InfiniteLoop = unchecked((int)0x80044182);
    public const int NoActiveTransaction = unchecked((int)0x80040251);
    public const int IsvUnexpected = unchecked((int)0x80040224);
    public const int InvalidLookupTarget = unchecked((int)0x80040203);
    // Codes of the emulator's own carry the HRESULT "customer" bit (0x20000000), which Microsoft's codes
    // never set, so no caller can mistake one for a platform answer.
    // ExecuteMultiple's batch-size fault is documented by its ErrorDetails["MaxBatchSize"] entry
    // ("Execute multiple requests", handling a batch size fault), not by its code, and the code list
    // gives 0x8004110D (used here before) to QueryBuilderReportView_Does_Not_Exist.
    public const int MaxBatchSizeExceeded = unchecked((int)0xA0040002);
    // A request or query feature the emulator does not model.
    public const int NotEmulated = unchecked((int)0xA0040001);
}
