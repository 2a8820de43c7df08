using AdoptionCrm.Solution.Model;
using static AdoptionCrm.Emulator.Metadata.ColumnFactory;

namespace AdoptionCrm.Emulator.Metadata;

/// <summary>
/// asyncoperation, the system job table an async step's execution is recorded in (PAD:reference/entities/asyncoperation):
/// operationtype 1 System Event, statecode 0 Ready / 1 Suspended / 2 Locked / 3 Completed with statuscode
/// 0 Waiting For Resources, 10 Waiting, 20 In Progress, 21 Pausing, 22 Canceling, 30 Succeeded, 31 Failed, 32 Canceled.
/// regardingobjectid may point at any table, so it is built over the organization's tables.
/// </summary>
public static class SystemJobTable
{
    public const string LogicalName = "asyncoperation";
    public const int SystemEvent = 1;

    public static TableDefinition Definition(IEnumerable<string> regardingTables) =>
        Table(LogicalName, "asyncoperationid", "name", OwnershipType.UserOwned,
            Text("name", 256), Text("messagename", 160), Text("primaryentitytype", 64),
            Choice("operationtype", SystemEvent, (SystemEvent, "System Event")),
            Lookup("regardingobjectid", regardingTables.Where(t => t != LogicalName).Distinct().ToArray()),
            Memo("message", 1_048_576), Memo("friendlymessage", 1_048_576), Int("errorcode", int.MinValue, int.MaxValue),
            Int("retrycount", 0, int.MaxValue), Int("depth", 0, int.MaxValue), new ColumnDefinition("correlationid", ColumnType.UniqueIdentifier),
            Date("startedon"), Date("completedon"), Date("postponeuntil"),
            State((0, "Ready"), (1, "Suspended"), (2, "Locked"), (3, "Completed")),
            Status((0, "Waiting For Resources", 0), (10, "Waiting", 1), (20, "In Progress", 2), (21, "Pausing", 2), (22, "Canceling", 2),
                (30, "Succeeded", 3), (31, "Failed", 3), (32, "Canceled", 3)));
}
