using AdoptionCrm.Solution.Model;

namespace AdoptionCrm.Emulator.Query;

/// <summary>What one condition of a query resolved to when it was bound: its table, its column and a valueof column.</summary>
internal sealed record ConditionTarget(BoundTable Table, ColumnDefinition Column, int? OtherSlot, ColumnDefinition? OtherColumn);
