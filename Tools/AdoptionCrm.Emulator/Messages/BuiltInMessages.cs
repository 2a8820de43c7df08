namespace AdoptionCrm.Emulator.Messages;

/// <summary>The messages the emulator implements, one handler each.</summary>
internal static class BuiltInMessages
{
    public static IEnumerable<IMessageHandler> All(EmulatedOrganization org) => new IMessageHandler[]
    {
        new CreateHandler(org), new CreateMultipleHandler(org), new UpdateHandler(org), new UpdateMultipleHandler(org),
        new DeleteHandler(org), new RetrieveHandler(org), new RetrieveMultipleHandler(org), new UpsertHandler(org),
        new AssignHandler(org), new SetStateHandler(org), new SetStateHandler(org, "SetStateDynamicEntity"),
        new QualifyLeadHandler(org), new MergeHandler(org), new AssociateHandler(org), new DisassociateHandler(org),
        new AddToQueueHandler(org), new WhoAmIHandler(org), new ExecuteTransactionHandler(org), new ExecuteMultipleHandler(org),
    };
}
